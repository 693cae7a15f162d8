// express_port.js: loaded with `node --require` before an Express example.
// The one thing the page does not show is the port: whatever port the
// example passes to app.listen() (or server.listen()), it listens on
// 127.0.0.1:$PORT instead.  Nothing else of the example changes.
'use strict';
const net = require('net');
const listen = net.Server.prototype.listen;
const port = Number(process.env.PORT);
net.Server.prototype.listen = function (...args) {
  const cb = args.find((a) => typeof a === 'function');
  return cb ? listen.call(this, port, '127.0.0.1', cb) : listen.call(this, port, '127.0.0.1');
};
