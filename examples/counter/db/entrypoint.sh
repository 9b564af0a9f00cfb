#!/bin/sh
# PostgreSQL from Debian's package: on an empty data volume, a new cluster whose user POSTGRES_USER
# has the password of the secret file POSTGRES_PASSWORD_FILE, with the database POSTGRES_DB;
# then the server, listening on the stack network.
set -eu
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
PGDATA=${PGDATA:-/var/lib/postgresql/data}
: "${POSTGRES_USER:=postgres}" "${POSTGRES_DB:=$POSTGRES_USER}" "${POSTGRES_PASSWORD_FILE:?the database password file}"
if [ ! -s "$PGDATA/PG_VERSION" ]; then
  "$PGBIN/initdb" -D "$PGDATA" -U "$POSTGRES_USER" --pwfile="$POSTGRES_PASSWORD_FILE" \
    --auth-local=trust --auth-host=scram-sha-256 --no-locale -E UTF8 >/dev/null
  echo "host all all 0.0.0.0/0 scram-sha-256" >>"$PGDATA/pg_hba.conf"
  if [ "$POSTGRES_DB" != postgres ]; then
    echo "CREATE DATABASE \"$POSTGRES_DB\";" | "$PGBIN/postgres" --single -D "$PGDATA" postgres >/dev/null
  fi
  echo "db: initialized $PGDATA (database $POSTGRES_DB, user $POSTGRES_USER)" >&2
fi
exec "$PGBIN/postgres" -D "$PGDATA" -c listen_addresses='*' -c unix_socket_directories=/tmp -c jit=off
