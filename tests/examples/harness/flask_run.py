"""flask_run.py APP.PY: serve the example's Flask app on 127.0.0.1:$PORT.

The one thing the page does not show is the port: the example is imported as
it is written (its own `if __name__ == "__main__": app.run()` does not run)
and its `app` is served by Werkzeug's server, which is what `flask run` and
`app.run()` use.
"""
import importlib.util
import os
import sys

from flask import Flask
from werkzeug.serving import run_simple

spec = importlib.util.spec_from_file_location("example", sys.argv[1])
module = importlib.util.module_from_spec(spec)
sys.modules["example"] = module
spec.loader.exec_module(module)
apps = [v for v in vars(module).values() if isinstance(v, Flask)]
if len(apps) != 1:
    sys.exit("flask_run.py: the example must define exactly one Flask app")
run_simple("127.0.0.1", int(os.environ["PORT"]), apps[0], threaded=True)
