#!/usr/bin/env python3
"""run.py: run every framework example of the registry against its real framework.

Usage: run.py [--only SLUG[,SLUG...]] [--jobs N] REGISTRY

For each status, each framework example (<flask>, <express>, <php>, <go>,
<spring>, <sinatra>) either carries an <expect> and is run, or a <norun why>
and is reported as SKIP with its reason.  A run writes the example's first
<pre> to a scratch directory, starts it with the framework's harness
(tests/examples/harness/, which supplies only the port), sends <request> over
a raw socket on 127.0.0.1, reads every interim (1xx) response and the final
one, and checks:

  - the sequence of statuses, interim ones included;
  - a final response after every 1xx;
  - the headers <expect> names (present, absent, exact value), and those the
    status's facts mark rule="must" when the final status is the entry's own
    (those marked when="conditional", a 304's, only if the 200 to the same
    request without its validators carries them);
  - no content and no Content-Type where the facts forbid content (bytes sent
    after the header section of a 204 or 304 count as content);
  - <content> yes/no.

Each <wire> exchange is checked for consistency: a Content-Length equal to
the bytes shown, no body on a 1xx, 204 or 304 or after HEAD.

One line per example (PASS, FAIL with what was seen, SKIP with the reason),
then "N passed, N failed, N skipped".  Exit 1 when anything failed.
"""

import argparse
import concurrent.futures
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from xml.etree import ElementInclude

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.dirname(os.path.dirname(HERE))
FRAMEWORKS = ("flask", "express", "php", "go", "spring", "sinatra")
START_TIMEOUT = 20.0    # seconds for a server to start listening (a Go example is built before)
IO_TIMEOUT = 10.0       # seconds for a response


class Skip(Exception):
    """The example cannot run here; the message says why."""


# ===== The registry

def load(registry):
    tree = ET.parse(registry)
    root = tree.getroot()
    ElementInclude.include(root, base_url=os.path.abspath(registry))
    return root


def facts_of(status):
    facts = status.find("facts")
    must = [h.get("name") for h in facts.findall("headers/header")
            if h.get("rule") == "must" and h.get("when") != "conditional"]
    must_if = [h.get("name") for h in facts.findall("headers/header")
               if h.get("rule") == "must" and h.get("when") == "conditional"]
    return {
        "code": int(status.get("code")),
        "body": facts.findtext("body"),
        "must": must,
        "must_if": must_if,
    }


# ===== The wire, both ways

def parse_head(data):
    """b"HTTP/1.1 200 OK\\r\\nA: b\\r\\n\\r\\n" -> (code, [(name, value)])."""
    lines = data.decode("latin-1").split("\r\n")
    m = re.match(r"HTTP/1\.[01] (\d{3})(?: .*)?$", lines[0])
    if not m:
        raise ValueError("not a status line: %r" % lines[0][:80])
    headers = []
    for line in lines[1:]:
        if not line:
            continue
        name, sep, value = line.partition(":")
        if not sep:
            raise ValueError("not a header line: %r" % line[:80])
        headers.append((name.strip(), value.strip()))
    return int(m.group(1)), headers


def header(headers, name):
    for n, v in headers:
        if n.lower() == name.lower():
            return v
    return None


class Conn:
    def __init__(self, port):
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=IO_TIMEOUT)
        self.buf = b""

    def fill(self):
        chunk = self.sock.recv(65536)
        if not chunk:
            raise EOFError
        self.buf += chunk

    def head(self):
        while b"\r\n\r\n" not in self.buf:
            self.fill()
        head, _, self.buf = self.buf.partition(b"\r\n\r\n")
        return parse_head(head + b"\r\n")

    def exactly(self, n):
        while len(self.buf) < n:
            self.fill()
        data, self.buf = self.buf[:n], self.buf[n:]
        return data

    def line(self):
        while b"\r\n" not in self.buf:
            self.fill()
        line, _, self.buf = self.buf.partition(b"\r\n")
        return line

    def rest(self):
        try:
            while True:
                self.fill()
        except EOFError:
            pass
        data, self.buf = self.buf, b""
        return data

    def stray(self, wait=0.5):
        """Bytes that follow a response which must end with its header section.

        A server that writes content after a 204 or 304 (or after the head of
        a response to HEAD) puts it on the wire anyway; whatever arrives before
        the connection closes or goes quiet for `wait` seconds is returned, so
        that it is reported instead of silently ignored."""
        self.sock.settimeout(wait)
        try:
            while True:
                self.fill()
        except (EOFError, socket.timeout):
            pass
        finally:
            self.sock.settimeout(IO_TIMEOUT)
        data, self.buf = self.buf, b""
        return data

    def body(self, code, headers, method):
        if code < 200:
            return b""
        if method == "HEAD" or code in (204, 304):
            return self.stray()
        te = header(headers, "Transfer-Encoding")
        if te and "chunked" in te.lower():
            out = b""
            while True:
                size = int(self.line().split(b";")[0], 16)
                if size == 0:
                    while self.line():
                        pass
                    return out
                out += self.exactly(size)
                self.line()
        cl = header(headers, "Content-Length")
        if cl is not None:
            return self.exactly(int(cl))
        return self.rest()


def split_request(text):
    """The <request> text as bytes to send: CRLF in the head, the body as is."""
    head, sep, body = text.partition("\n\n")
    # The head ends with the last header line's newline, or with none.
    head = head.rstrip("\n").replace("\n", "\r\n") + "\r\n\r\n"
    body = body if sep else ""
    if body and not re.search(r"(?im)^content-length:", head) and \
            not re.search(r"(?im)^transfer-encoding:", head):
        head = head[:-2] + "Content-Length: %d\r\n\r\n" % len(body.encode())
    return head.encode(), body.encode(), head.split(" ", 1)[0]


def exchange(port, request):
    """Send the request; return [(code, headers)] for each response, and the final body."""
    head, body, method = split_request(request)
    conn = Conn(port)
    try:
        conn.sock.sendall(head)
        expect_continue = re.search(rb"(?im)^expect:\s*100-continue", head) is not None
        responses = []
        if body and not expect_continue:
            conn.sock.sendall(body)
        sent = not expect_continue or not body
        while True:
            try:
                if not sent:
                    # Wait a moment for 100 Continue; send the body either way, as curl does.
                    conn.sock.settimeout(1.5)
                    try:
                        code, headers = conn.head()
                    except socket.timeout:
                        conn.sock.sendall(body)
                        sent = True
                        conn.sock.settimeout(IO_TIMEOUT)
                        continue
                    conn.sock.settimeout(IO_TIMEOUT)
                    if code == 100:
                        conn.sock.sendall(body)
                        sent = True
                else:
                    code, headers = conn.head()
            except EOFError:
                return responses, None, "the connection closed after %s" % (
                    " ".join(str(c) for c, _ in responses) or "no response")
            responses.append((code, headers))
            if 100 <= code < 200 and code != 101:
                continue
            if code == 101:
                return responses, b"", None
            body = conn.body(code, headers, method)
            if method == "HEAD" or code in (204, 304):
                # Whatever follows the header section would be a body the
                # status forbids: look for it before the connection is closed.
                conn.sock.settimeout(0.3)
                try:
                    while True:
                        conn.fill()
                except (socket.timeout, EOFError, OSError):
                    pass
                if conn.buf:
                    body = conn.buf
            return responses, body, None
    finally:
        conn.sock.close()


def check_wire(slug, text):
    """Problems with a <wire> exchange: Content-Length against the bytes shown.

    Messages follow each other as on the wire: a request, then responses.
    Text after a message's header block is its body, up to the next start
    line; a blank line just before that start line separates the two and
    belongs to neither.  After "100 Continue" the text is the body of the
    request that asked for it.
    """
    problems = []
    starts = [m.start() for m in re.finditer(
        r"(?m)^(?:HTTP/1\.[01] \d{3}\b.*|[A-Z]+ \S+ HTTP/1\.[01])$", text)]
    if not starts:
        return ["no HTTP message in it"]
    method, request_cl, request_body_seen = None, None, True
    for n, start in enumerate(starts):
        end = starts[n + 1] if n + 1 < len(starts) else len(text)
        msg = text[start:end]
        head, sep, body = msg.partition("\n\n")
        if not sep:
            head, body = msg.rstrip("\n"), ""
        if n + 1 < len(starts) and body.endswith("\n\n"):
            body = body[:-2]
        lines = head.split("\n")
        first = lines[0]
        hs = [(h.partition(":")[0].strip(), h.partition(":")[2].strip()) for h in lines[1:]]
        cl = header(hs, "Content-Length")
        te = header(hs, "Transfer-Encoding")
        if not first.startswith("HTTP/"):
            method = first.split(" ")[0]
            request_cl = cl
            request_body_seen = bool(body) or cl in (None, "0")
            if body and cl is not None and not te and int(cl) != len(body.encode()):
                problems.append("%s: Content-Length %s, but %d bytes shown"
                                % (first, cl, len(body.encode())))
            continue
        code = int(first.split(" ")[1])
        if code == 100 and body and not request_body_seen:
            # The request body, sent once the 100 arrived.
            if request_cl is not None and int(request_cl) != len(body.encode()):
                problems.append("request body after %s: Content-Length %s, but %d bytes "
                                "shown" % (first, request_cl, len(body.encode())))
            request_body_seen = True
            continue
        nobody = code < 200 or code in (204, 304) or method == "HEAD"
        if nobody and body:
            problems.append("%s: a %d response shows a body" % (first, code))
        if cl is not None and not te and not (method == "HEAD" or code == 304):
            if not cl.isdigit() or int(cl) != len(body.encode()):
                problems.append("%s: Content-Length %s, but %d bytes shown"
                                % (first, cl, len(body.encode())))
    return problems


# ===== Running an example

_ports = set()
_ports_lock = __import__("threading").Lock()


def free_port():
    """A port nothing listens on, never handed out twice in one run (two
    examples starting at once must not end up on one port)."""
    while True:
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        with _ports_lock:
            if port not in _ports:
                _ports.add(port)
                return port


def start(framework, code, work, port, lang=None):
    """Start the example under its harness; return the process."""
    harness = os.path.join(HERE, "harness")
    env = dict(os.environ, PORT=str(port))
    if lang == "nginx":
        # A proxy configuration is run in nginx itself (harness/nginx.conf).
        nginx = shutil.which("nginx") or "/usr/sbin/nginx"
        if not os.access(nginx, os.X_OK):
            raise Skip("no nginx (make deps installs nginx-light)")
        for d in ("tmp", "www"):
            os.makedirs(os.path.join(work, d), exist_ok=True)
        # What an example may include from nginx's own configuration directory.
        for name in ("fastcgi_params", "proxy_params", "mime.types"):
            if os.path.exists(os.path.join("/etc/nginx", name)):
                shutil.copy(os.path.join("/etc/nginx", name), work)
        with open(os.path.join(work, "www", "index.php"), "w") as f:
            f.write("<?php echo 'never run: no PHP-FPM behind this nginx';\n")
        with open(os.path.join(harness, "nginx.conf")) as f:
            conf = "".join(l for l in f if not l.startswith("#"))
        conf = conf.replace("@WORK@", work).replace("@PORT@", str(port))
        conf = conf.replace("@EXAMPLE@", code)
        src = os.path.join(work, "nginx.conf")
        code = conf
        cmd = [nginx, "-p", work, "-c", src, "-e", os.path.join(work, "error.log")]
    elif framework == "flask":
        src = os.path.join(work, "app.py")
        cmd = ["/usr/bin/python3", os.path.join(harness, "flask_run.py"), src]
    elif framework == "express":
        src = os.path.join(work, "app.js")
        env["NODE_PATH"] = os.path.join(TOP, "node_modules")
        cmd = ["node", "--require", os.path.join(harness, "express_port.js"), src]
    elif framework == "php":
        src = os.path.join(work, "index.php")
        cmd = ["php", "-n", "-S", "127.0.0.1:%d" % port, src]
    elif framework == "go":
        # Go cannot be told the port from outside: the example listens on
        # ":8080", as Go examples do, and that one string is replaced here.
        src = os.path.join(work, "main.go")
        go = go_binary()
        if code.count('":8080"') != 1:
            raise ValueError('a Go example must listen on ":8080" exactly once')
        code = code.replace('":8080"', '"127.0.0.1:%d"' % port)
        # Built as `go run main.go` builds it in a directory without go.mod:
        # module mode, so the language version and the GODEBUG defaults (the
        # Go 1.22 ServeMux patterns among them) are the toolchain's own.  In
        # GOPATH mode (GO111MODULE=off) Go builds it with the defaults of Go
        # 1.16, and "GET /books/{id}" is a literal path.  It is compiled before
        # it starts, so that a cold build cache does not use up START_TIMEOUT.
        env.update(go_env())        # GOPROXY=off: the standard library only
        env["PORT"] = str(port)
        with open(src, "w") as f:
            f.write(code)
        try:
            built = subprocess.run([go, "build", "-o", "main", "main.go"], cwd=work, env=env,
                                   stdin=subprocess.DEVNULL, capture_output=True, timeout=300)
        except subprocess.TimeoutExpired:
            raise ValueError("go build took more than 300 s")
        if built.returncode != 0:
            log = built.stderr.decode("utf-8", "replace").strip().splitlines()[-6:]
            raise ValueError("go build failed: %s" % " | ".join(log))
        cmd = [os.path.join(work, "main")]
    elif framework == "sinatra":
        src = os.path.join(work, "app.rb")
        cmd = ["ruby", os.path.join(harness, "sinatra_run.rb"), src]
    else:
        raise Skip("Spring Boot cannot be fetched here (no Maven repository is reachable); "
                   "its examples keep to API that Spring 6 and Boot 3 document")
    with open(src, "w") as f:
        f.write(code)
    log = open(os.path.join(work, "server.log"), "wb")
    return subprocess.Popen(cmd, cwd=work, env=env, stdout=log, stderr=subprocess.STDOUT,
                            stdin=subprocess.DEVNULL, start_new_session=True)


_go = None


def go_env():
    env = dict(os.environ)
    env["GOCACHE"] = os.path.join(TOP, "build", "go-cache")
    env["GO111MODULE"] = "on"
    env["GOWORK"] = "off"
    env["GOPROXY"] = "off"
    env["GOTOOLCHAIN"] = "local"
    return env


def warm_go():
    """Compile the standard library packages the examples use, once and
    alone, so that parallel example builds do not each compile them."""
    try:
        go = go_binary()
    except Skip:
        return
    work = tempfile.mkdtemp(prefix="httperror-gowarm-")
    try:
        with open(os.path.join(work, "main.go"), "w") as f:
            f.write('package main\n\nimport (\n\t_ "encoding/json"\n\t_ "log"\n'
                    '\t_ "net/http"\n\t_ "net/http/httptest"\n\t_ "net/http/httputil"\n)\n\n'
                    'func main() {}\n')
        subprocess.run([go, "build", "-o", "main", "main.go"], cwd=work, env=go_env(),
                       stdin=subprocess.DEVNULL, capture_output=True, timeout=600)
    except subprocess.TimeoutExpired:
        pass
    finally:
        shutil.rmtree(work, ignore_errors=True)


def go_binary():
    global _go
    if _go is None:
        for cand in ("/usr/lib/go-1.23/bin/go", shutil.which("go") or ""):
            if cand and os.access(cand, os.X_OK):
                _go = cand
                break
        else:
            raise Skip("no Go toolchain (make deps installs golang-1.23-go from bookworm-backports)")
    return _go


def wait_listening(proc, port):
    deadline = time.time() + START_TIMEOUT
    while time.time() < deadline:
        if proc.poll() is not None:
            return False
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return True
        except OSError:
            time.sleep(0.05)
    return False


def stop(proc):
    if proc.poll() is None:
        try:
            os.killpg(proc.pid, 15)
            proc.wait(3)
        except (ProcessLookupError, subprocess.TimeoutExpired):
            try:
                os.killpg(proc.pid, 9)
            except ProcessLookupError:
                pass
            proc.wait()


def carried_by_200(port, request, names):
    """The headers among `names` that the full response carries.

    A 304 must repeat the headers of this kind that a 200 to the same request
    would have had (RFC 9110 §15.4.5), no more: the request is sent again
    without its validators, and only those the answer carries are required."""
    head, sep, body = request.partition("\n\n")
    head = "\n".join(l for l in head.split("\n")
                     if not re.match(r"(?i)(if-none-match|if-modified-since):", l))
    try:
        responses, _, _ = exchange(port, head + sep + body)
    except (OSError, ValueError):
        return names
    if not responses:
        return names
    full = responses[-1][1]
    return [n for n in names if header(full, n) is not None]


def run_one(slug, facts, framework, el):
    """(verdict, message) for one framework example."""
    name = "%s %s" % (slug, framework)
    expect = el.find("expect")
    norun = el.find("norun")
    if norun is not None:
        return "SKIP", "%s: %s" % (name, norun.get("why"))
    if expect is None:
        return "FAIL", "%s: neither <expect> nor <norun>" % name
    pre = el.find("pre")
    if pre is None:
        return "FAIL", "%s: <expect> but no <pre> to run" % name
    work = tempfile.mkdtemp(prefix="httperror-ex-")
    proc = None
    try:
        port = free_port()
        try:
            proc = start(framework, pre.text or "", work, port, pre.get("lang"))
        except Skip as e:
            return "SKIP", "%s: %s" % (name, e)
        except ValueError as e:
            return "FAIL", "%s: %s" % (name, e)
        if not wait_listening(proc, port):
            stop(proc)
            with open(os.path.join(work, "server.log"), "rb") as f:
                log = f.read().decode("utf-8", "replace").strip().splitlines()[-6:]
            return "FAIL", "%s: the server did not start: %s" % (name, " | ".join(log))
        try:
            responses, body, problem = exchange(port, expect.findtext("request"))
        except (OSError, ValueError) as e:
            return "FAIL", "%s: %s" % (name, e)
        seen = " ".join(str(c) for c, _ in responses)
        want = " ".join(s.text for s in expect.findall("status"))
        problems = []
        if problem:
            problems.append(problem)
        if seen != want:
            problems.append("statuses %s, expected %s" % (seen or "none", want))
        if responses and body is not None:
            code, headers = responses[-1]
            for h in expect.findall("header"):
                v = header(headers, h.get("name"))
                if h.get("present", "yes") == "no":
                    if v is not None:
                        problems.append("%s: %s present, must not be" % (h.get("name"), v))
                elif v is None:
                    problems.append("no %s header" % h.get("name"))
                elif h.get("value") is not None and v != h.get("value"):
                    problems.append("%s: %r, expected %r" % (h.get("name"), v, h.get("value")))
            if code == facts["code"]:
                must = list(facts["must"])
                if facts["must_if"] and code == 304:
                    # "If a 200 would have carried it": ask for the 200.
                    must += carried_by_200(port, expect.findtext("request"), facts["must_if"])
                for m in must:
                    if header(headers, m) is None:
                        problems.append("no %s, which a %d must carry" % (m, code))
                if facts["body"] in ("forbidden", "empty"):
                    if body:
                        problems.append("%d bytes of content on a %d" % (len(body), code))
                    if header(headers, "Content-Type") is not None:
                        problems.append("Content-Type on a %d, which has no content" % code)
            content = expect.findtext("content")
            if content == "yes" and not body:
                problems.append("no content, expected some")
            if content == "no" and body:
                problems.append("%d bytes of content, expected none" % len(body))
        if problems:
            return "FAIL", "%s: %s" % (name, "; ".join(problems))
        return "PASS", "%s: %s" % (name, seen)
    finally:
        if proc is not None:
            stop(proc)
        shutil.rmtree(work, ignore_errors=True)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--only", default="")
    ap.add_argument("--jobs", type=int, default=4)
    ap.add_argument("registry")
    args = ap.parse_args()
    only = set(filter(None, args.only.split(",")))
    root = load(args.registry)
    jobs = []
    results = []
    for status in root.findall("status"):
        slug = status.get("slug")
        if only and slug not in only and status.get("code") not in only:
            continue
        facts = facts_of(status)
        wire = status.find("examples/wire")
        problems = check_wire(slug, wire.text or "") if wire is not None else ["no <wire>"]
        results.append(("FAIL" if problems else "PASS",
                        "%s wire: %s" % (slug, "; ".join(problems) or "consistent")))
        for fw in FRAMEWORKS:
            el = status.find("examples/" + fw)
            if el is not None:
                jobs.append((slug, facts, fw, el))
    started = time.time()
    if any(j[2] == "go" for j in jobs):
        warm_go()
    with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as pool:
        results += list(pool.map(lambda j: run_one(*j), jobs))
    counts = {"PASS": 0, "FAIL": 0, "SKIP": 0}
    for verdict, message in results:
        counts[verdict] += 1
        print("%s: examples: %s" % (verdict, message))
    print("examples: %d examples run in %.0f s" % (len(jobs), time.time() - started))
    print("%d passed, %d failed, %d skipped" % (counts["PASS"], counts["FAIL"], counts["SKIP"]))
    return 1 if counts["FAIL"] or not counts["PASS"] else 0


if __name__ == "__main__":
    sys.exit(main())
