// validate.mjs FILE...: each file one JSON document of httperror --json,
// checked against tests/reader/json.schema.json with Ajv; prints each error
// and exits 1 when any file does not fit.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
const Ajv = require('ajv');

const schema = JSON.parse(readFileSync(new URL('./json.schema.json', import.meta.url)));
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
let bad = 0;
for (const f of process.argv.slice(2)) {
	let doc;
	try {
		doc = JSON.parse(readFileSync(f, 'utf8'));
	} catch (e) {
		console.log(`${f}: not JSON: ${e.message}`);
		bad++;
		continue;
	}
	if (!validate(doc)) {
		bad++;
		for (const e of validate.errors.slice(0, 5))
			console.log(`${f}: ${e.instancePath || '/'} ${e.message}`);
	}
}
process.exit(bad ? 1 : 0);
