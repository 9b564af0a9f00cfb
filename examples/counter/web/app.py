"""The counter example's web application: every page view adds one to a counter kept in PostgreSQL
(service `db`) and remembered in Redis (service `cache`), both reached by their service names on the
stack network. The database password comes from a secret file, the greeting from a config file.

GET /        a line of text: the greeting, the visit number, which replica answered
GET /api     the same as JSON
GET /health  200 while the process serves (the service's health check)
"""

import json
import os
import socket
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import psycopg2
import redis

PORT = int(os.environ.get("PORT", "8000"))
CONFIG_FILE = os.environ.get("APP_CONFIG", "/etc/counter/app.json")
DB_HOST = os.environ.get("DB_HOST", "db")
DB_NAME = os.environ.get("DB_NAME", "counter")
DB_USER = os.environ.get("DB_USER", "counter")
DB_PASSWORD_FILE = os.environ.get("DB_PASSWORD_FILE", "/run/secrets/db_password")
CACHE_HOST = os.environ.get("CACHE_HOST", "cache")
REPLICA = socket.gethostname()


def read_config():
    with open(CONFIG_FILE, encoding="utf-8") as f:
        return json.load(f)


CONFIG = read_config()
local = threading.local()


def db():
    """One connection per server thread, opened again after a failure."""
    conn = getattr(local, "conn", None)
    if conn is None or conn.closed:
        with open(DB_PASSWORD_FILE, encoding="utf-8") as f:
            password = f.read().strip()
        conn = psycopg2.connect(
            host=DB_HOST, dbname=DB_NAME, user=DB_USER, password=password, connect_timeout=2
        )
        conn.autocommit = True
        with conn.cursor() as cur:
            cur.execute("CREATE TABLE IF NOT EXISTS visits (id int PRIMARY KEY, n bigint NOT NULL)")
        local.conn = conn
    return conn


def cache():
    r = getattr(local, "cache", None)
    if r is None:
        r = redis.Redis(host=CACHE_HOST, socket_timeout=1, socket_connect_timeout=1)
        local.cache = r
    return r


def visit():
    """Adds one visit in the database; the cache keeps the latest count (it may be down: then None)."""
    try:
        with db().cursor() as cur:
            cur.execute(
                "INSERT INTO visits (id, n) VALUES (1, 1) "
                "ON CONFLICT (id) DO UPDATE SET n = visits.n + 1 RETURNING n"
            )
            n = cur.fetchone()[0]
    except psycopg2.Error:
        local.conn = None
        raise
    cached = None
    try:
        cache().set("visits", n, ex=int(CONFIG.get("cache_ttl_s", 300)))
        cached = int(cache().get("visits") or 0)
    except redis.RedisError:
        local.cache = None
    return n, cached


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def send(self, code, body, kind="text/plain; charset=utf-8"):
        data = body.encode("utf-8")
        self.send_response(code)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        if self.path == "/health":
            return self.send(200, "ok\n")
        if self.path not in ("/", "/api"):
            return self.send(404, "not found\n")
        try:
            n, cached = visit()
        except psycopg2.Error as e:
            return self.send(503, f"the database is not reachable: {str(e).strip()}\n")
        if self.path == "/api":
            body = {"greeting": CONFIG.get("greeting", ""), "visits": n, "cached": cached, "replica": REPLICA}
            return self.send(200, json.dumps(body) + "\n", "application/json")
        cached_text = "cache down" if cached is None else f"cache says {cached}"
        return self.send(200, f"{CONFIG.get('greeting', 'Hello')}: visit {n} ({cached_text}), served by {REPLICA}\n")

    def log_message(self, fmt, *args):
        pass


if __name__ == "__main__":
    server = ThreadingHTTPServer(("0.0.0.0", PORT), Handler)
    server.daemon_threads = True
    print(f"counter web listening on :{PORT} as {REPLICA}", file=sys.stderr, flush=True)
    server.serve_forever()
