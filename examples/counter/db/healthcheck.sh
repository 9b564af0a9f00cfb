#!/bin/sh
# Health check of the db service: the server accepts connections.
exec "$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)/pg_isready" -q -h 127.0.0.1 -t 2
