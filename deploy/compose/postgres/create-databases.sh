#!/bin/sh
# Run once by the official postgres image on an empty data volume
# (/docker-entrypoint-initdb.d): one database per service, each owned by its own
# role, so a service can migrate and use only its own data.
set -eu

: "${JJJ_DB_PASSWORD:?JJJ_DB_PASSWORD must be set}"
JJJ_DATABASES="${JJJ_DATABASES:-indicators projects transport gateway}"

for service in $JJJ_DATABASES; do
  name="jjj_${service}"
  echo "creating role and database ${name}"
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
       -v name="$name" -v password="$JJJ_DB_PASSWORD" <<'SQL'
CREATE ROLE :"name" LOGIN PASSWORD :'password';
CREATE DATABASE :"name" OWNER :"name";
REVOKE ALL ON DATABASE :"name" FROM PUBLIC;
SQL
done
