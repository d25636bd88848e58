"""A stand-in for IAM Access Analyzer, which moto does not implement: answers ListAnalyzers (GET /analyzer) with no
analyzer, as for an account that never created one, and 404 to anything else. Prints its port, then serves until
killed. Usage: access_analyzer_fake.py  (point AWS_ENDPOINT_URL_ACCESSANALYZER at http://127.0.0.1:PORT).
Written for Bulwark.
"""
import http.server
import sys


class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        path = self.path.split("?", 1)[0]
        status, body = (200, b'{"analyzers":[]}') if path == "/analyzer" else (404, b'{"message":"not found"}')
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        if status != 200:
            self.send_header("x-amzn-ErrorType", "ResourceNotFoundException")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
print(server.server_address[1], flush=True)
sys.stdout.close()
server.serve_forever()
