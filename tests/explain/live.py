#!/usr/bin/python3
"""live.py OUTDIR: make real nginx write the lines `httperror explain` reads.

Runs nginx (make deps installs nginx-light) on loopback in front of a small
upstream written here, and asks it for:
  /refused  a port where nothing listens: 502, "connect() failed (111: ...)"
  /close    an upstream that closes without answering: 502, "upstream
            prematurely closed connection"
  /slow     an upstream slower than proxy_read_timeout 1s: 504, "upstream
            timed out (110: ...)"
  /wait     the same upstream, a client that gives up after 1 s first: 499
and writes OUTDIR/error.log, OUTDIR/access.log (combined format),
OUTDIR/head-refused.txt (curl -sI of /refused) and
OUTDIR/response-refused.txt (curl -si: the head and nginx's error page).  Exit 77 when nginx or curl
is missing, so that the caller reports which.
"""
import os
import shutil
import socket
import subprocess
import sys
import threading
import time

CONF = """daemon off;
master_process off;
worker_processes 1;
pid {w}/nginx.pid;
error_log {w}/error.log info;
events {{ worker_connections 64; }}
http {{
    access_log {w}/access.log combined;
    client_body_temp_path {w}/tmp/body;
    proxy_temp_path {w}/tmp/proxy;
    fastcgi_temp_path {w}/tmp/fastcgi;
    uwsgi_temp_path {w}/tmp/uwsgi;
    scgi_temp_path {w}/tmp/scgi;
    server {{
        listen 127.0.0.1:{port};
        location /refused {{ proxy_pass http://127.0.0.1:{closed}; }}
        location /close {{ proxy_pass http://127.0.0.1:{up}; }}
        location /slow {{ proxy_pass http://127.0.0.1:{up}; proxy_read_timeout 1s; }}
        location /wait {{ proxy_pass http://127.0.0.1:{up}/slow; proxy_read_timeout 10s; }}
    }}
}}
"""


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def upstream(sock):
    """/close: close at once; anything else: answer after 3 s."""
    def serve(c):
        try:
            req = c.recv(4096).decode("latin-1")
            if req.startswith("GET /close"):
                return
            time.sleep(3)
            c.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nok\n")
        except OSError:
            pass
        finally:
            c.close()
    while True:
        c, _ = sock.accept()
        threading.Thread(target=serve, args=(c,), daemon=True).start()


def main():
    out = sys.argv[1]
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    curl = shutil.which("curl")
    if not os.access(nginx, os.X_OK) or curl is None:
        print("no nginx or curl (make deps installs nginx-light and curl)")
        return 77
    for d in ("tmp",):
        os.makedirs(os.path.join(out, d), exist_ok=True)
    up = socket.socket()
    up.bind(("127.0.0.1", 0))
    up.listen(16)
    threading.Thread(target=upstream, args=(up,), daemon=True).start()
    port, closed = free_port(), free_port()
    conf = os.path.join(out, "nginx.conf")
    with open(conf, "w") as f:
        f.write(CONF.format(w=out, port=port, closed=closed,
                            up=up.getsockname()[1]))
    proc = subprocess.Popen([nginx, "-p", out, "-c", conf, "-e",
                             os.path.join(out, "error.log")],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), 0.1).close()
                break
            except OSError:
                time.sleep(0.05)
        base = "http://127.0.0.1:%d" % port
        head = subprocess.run([curl, "-sI", base + "/refused"],
                              capture_output=True, timeout=20).stdout
        with open(os.path.join(out, "head-refused.txt"), "wb") as f:
            f.write(head)
        whole = subprocess.run([curl, "-si", base + "/refused"],
                               capture_output=True, timeout=20).stdout
        with open(os.path.join(out, "response-refused.txt"), "wb") as f:
            f.write(whole)
        for path in ("/close", "/slow"):
            subprocess.run([curl, "-s", "-o", "/dev/null", base + path],
                           timeout=20)
        subprocess.run([curl, "-s", "-o", "/dev/null", "--max-time", "1",
                        base + "/wait"], timeout=20)
        time.sleep(0.5)     # nginx logs the 499 when it notices
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    return 0


if __name__ == "__main__":
    sys.exit(main())
