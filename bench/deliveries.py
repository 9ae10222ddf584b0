"""Helpers of bench/cluster-deliveries.sh (standard library only).

  deliveries.py receive PORT          a webhook receiver on 127.0.0.1:PORT: POST /hook counts each webhook-id,
                                      GET /count prints "distinct total first last" (epoch seconds), POST /reset clears
  deliveries.py enqueue URL AUTH N    N task creations (one task.created event each) through URL, 16 connections;
                                      AUTH is a file with one "Authorization: Bearer ..." line; prints "start end"
"""
import http.client
import http.server
import json
import sys
import threading
import time
import urllib.parse


def receive(port):
    lock = threading.Lock()
    state = {"ids": {}, "times": []}

    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args):
            pass

        def answer(self, body=b""):
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def do_POST(self):
            self.rfile.read(int(self.headers.get("Content-Length") or 0))
            if self.path == "/reset":
                with lock:
                    state.update(ids={}, times=[])
            else:
                now = time.time()
                with lock:
                    ids = state["ids"]
                    ids[self.headers.get("webhook-id")] = ids.get(self.headers.get("webhook-id"), 0) + 1
                    state["times"].append(now)
            self.answer()

        def do_GET(self):
            with lock:
                ids, times = state["ids"], state["times"]
                first, last = (times[0], times[-1]) if times else (0.0, 0.0)
                line = f'{len(ids)} {sum(ids.values())} {first:.3f} {last:.3f}\n'
            self.answer(line.encode())

    class Server(http.server.ThreadingHTTPServer):
        # The default listen backlog of 5 refuses connections under a burst; the hosts' circuit breakers then open
        # for 30 s and the run measures the breaker, not the deliveries.
        request_queue_size = 1024

    Server(("127.0.0.1", int(port)), Handler).serve_forever()


def enqueue(url, auth_file, count):
    target = urllib.parse.urlsplit(url)
    name, value = open(auth_file).read().strip().split(": ", 1)
    count, connections = int(count), 16
    failures = []

    def run(share):
        connection = http.client.HTTPConnection(target.hostname, target.port, timeout=60)
        for i in range(share):
            body = json.dumps({"title": f"Delivery bench {i}"})
            connection.request("POST", "/api/v1/tasks", body, {name: value, "Content-Type": "application/json"})
            response = connection.getresponse()
            response.read()
            if response.status != 201:
                failures.append(response.status)

    threads = [threading.Thread(target=run, args=(count // connections + (1 if n < count % connections else 0),))
               for n in range(connections)]
    start = time.time()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if failures:
        sys.exit(f"enqueue: {len(failures)} requests failed (first status {failures[0]})")
    print(f"{start:.3f} {time.time():.3f}")


if __name__ == "__main__":
    {"receive": receive, "enqueue": enqueue}[sys.argv[1]](*sys.argv[2:])
