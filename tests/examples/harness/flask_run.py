"""flask_run.py APP.PY: serve the example's Flask app on 127.0.0.1:$PORT.

The one thing the page does not show is the port: the example is imported as
it is written (its own `if __name__ == "__main__": app.run()` does not run)
and its `app` is served by Werkzeug's server, which is what `flask run` and
`app.run()` use.

An example that proxies to ArcGIS Server reads the server's address from
ARCGIS_URL; for such an example (one that names ARCGIS_URL) a stub upstream
is started here first and ARCGIS_URL points at it.  Like ArcGIS, the stub
answers every request 200 with JSON: Esri error 499 without a token, 498
for a token other than "valid-token", an empty feature set otherwise.
"""
import importlib.util
import json
import os
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

from flask import Flask
from werkzeug.serving import run_simple


class StubArcGIS(BaseHTTPRequestHandler):
    def do_GET(self):
        token = parse_qs(urlsplit(self.path).query).get("token", [""])[0]
        for name in ("X-Esri-Authorization", "Authorization"):
            value = self.headers.get(name, "")
            if value.startswith("Bearer "):
                token = value[len("Bearer "):]
        if not token:
            body = {"error": {"code": 499, "message": "Token Required", "details": []}}
        elif token != "valid-token":
            body = {"error": {"code": 498, "message": "Invalid Token", "details": []}}
        else:
            body = {"features": []}
        data = json.dumps(body).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


with open(sys.argv[1]) as f:
    if "ARCGIS_URL" in f.read():
        stub = ThreadingHTTPServer(("127.0.0.1", 0), StubArcGIS)
        threading.Thread(target=stub.serve_forever, daemon=True).start()
        os.environ["ARCGIS_URL"] = "http://127.0.0.1:%d/arcgis" % stub.server_address[1]

spec = importlib.util.spec_from_file_location("example", sys.argv[1])
module = importlib.util.module_from_spec(spec)
sys.modules["example"] = module
spec.loader.exec_module(module)
apps = [v for v in vars(module).values() if isinstance(v, Flask)]
if len(apps) != 1:
    sys.exit("flask_run.py: the example must define exactly one Flask app")
run_simple("127.0.0.1", int(os.environ["PORT"]), apps[0], threaded=True)
