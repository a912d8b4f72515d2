# dialects/athena/engine.sh — the local stand-in for Athena that
# tests/engines/up and down source (they source every dialects/*/engine.sh):
# Trino 476 (Athena engine version 3 is Trino) as one JVM, coordinator and
# worker in one, with an Iceberg catalog "iceberg" (Athena: Glue). The
# catalog's tables live in the test PostgreSQL (Iceberg's JDBC catalog, in
# schema mtx_athena_<id>), the data in the test S3 server (moto), bucket
# mtx-athena-<id>; <id> names this checkout, so two checkouts never share one.
# A second catalog, "hive" (file metastore in the same bucket), holds the
# external tables through which loads read an s3:// export (Athena: Glue).
#
# Not among the engines `up` starts by default (it is a 2 GB JVM that takes a
# minute to start): name it, `tests/engines/up athena`.
#
#   MTX_ATHENA_PORT   Trino's HTTP port (default 58090)
#   MTX_JAVA_HOME     a JDK 24 or newer (default: Temurin 25, or any JDK 24+ under /usr/lib/jvm)
#
# Trino (io.trino:trino-server-core:476, the trino-iceberg and trino-hive plugins) comes
# from Maven Central, checked against its .sha1, cached under
# .build/engines/athena/cache.

ALL_ENGINES+=(athena)

ATHENA_DIR="$ENGINES_DIR/athena"
ATHENA_LOG="$ATHENA_DIR/server.log"
ATHENA_PORT=${MTX_ATHENA_PORT:-58090}
TRINO_VERSION=476
ATHENA_ID=$(printf '%s' "$REPO_ROOT" | cksum | cut -d' ' -f1)

athena_alive() { [[ $(proc_state "$(cat "$ATHENA_DIR/server.pid" 2>/dev/null || true)") == alive ]]; }

# athena_fetch ARTIFACT EXT — download io.trino:ARTIFACT:476 (EXT: tar.gz or
# zip) into the cache unless it is there; verify its SHA-1.
athena_fetch() {
	local name="$1-$TRINO_VERSION.$2" url
	url="https://repo1.maven.org/maven2/io/trino/$1/$TRINO_VERSION/$1-$TRINO_VERSION.$2"
	mkdir -p "$ATHENA_DIR/cache"
	[[ -f $ATHENA_DIR/cache/$name ]] && return 0
	log "athena: downloading $url"
	curl -sfL --retry 3 -o "$ATHENA_DIR/cache/$name.part" "$url" || die "download of $url failed"
	local want have
	want=$(curl -sfL --retry 3 "$url.sha1") || die "download of $url.sha1 failed"
	have=$(sha1sum "$ATHENA_DIR/cache/$name.part" | cut -d' ' -f1)
	[[ ${want:0:40} == "$have" ]] || die "$name: SHA-1 $have, Maven Central says ${want:0:40}"
	mv "$ATHENA_DIR/cache/$name.part" "$ATHENA_DIR/cache/$name"
}

athena_java() {
	local j v
	for j in ${MTX_JAVA_HOME:+"$MTX_JAVA_HOME"} /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/*; do
		[[ -x $j/bin/java ]] || continue
		v=$("$j/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
		if [[ $v =~ ^[0-9]+$ ]] && ((v >= 24)); then
			printf '%s\n' "$j/bin/java"
			return 0
		fi
	done
	return 1
}

start_athena() {
	local java
	java=$(athena_java) || die "athena: Trino $TRINO_VERSION needs a JDK 24 or newer (set MTX_JAVA_HOME)"
	# The catalog needs PostgreSQL and S3: the ones already exported, or ours.
	[[ -n ${MTX_TEST_POSTGRES_DSN:-} ]] || { start_postgres; eval "${EXPORTS[-1]}"; }
	[[ -n ${MTX_TEST_S3_ENDPOINT:-} ]] || { start_s3; eval "${EXPORTS[-1]}"; }
	command -v psql >/dev/null || die "athena: psql is needed to create the Iceberg JDBC catalog's tables"

	local home="$ATHENA_DIR/trino-server-core-$TRINO_VERSION"
	athena_fetch trino-server-core tar.gz
	athena_fetch trino-iceberg zip
	athena_fetch trino-hive zip
	if [[ ! -d $home/lib ]]; then
		log "athena: unpacking Trino $TRINO_VERSION"
		tar -xzf "$ATHENA_DIR/cache/trino-server-core-$TRINO_VERSION.tar.gz" -C "$ATHENA_DIR"
	fi
	if [[ ! -d $ATHENA_DIR/plugins/iceberg || ! -d $ATHENA_DIR/plugins/hive ]]; then
		rm -rf "$ATHENA_DIR/plugins.tmp" && mkdir -p "$ATHENA_DIR/plugins.tmp"
		local p
		for p in iceberg hive; do
			unzip -q "$ATHENA_DIR/cache/trino-$p-$TRINO_VERSION.zip" -d "$ATHENA_DIR/plugins.tmp"
			mv "$ATHENA_DIR/plugins.tmp/trino-$p-$TRINO_VERSION" "$ATHENA_DIR/plugins.tmp/$p"
		done
		rm -rf "$ATHENA_DIR/plugins" && mv "$ATHENA_DIR/plugins.tmp" "$ATHENA_DIR/plugins"
	fi

	local schema="mtx_athena_$ATHENA_ID" bucket="mtx-athena-$ATHENA_ID"
	# The JDBC catalog does not create its own tables.
	psql "$MTX_TEST_POSTGRES_DSN" -q -v ON_ERROR_STOP=1 >&2 <<-EOF || die "athena: could not create the Iceberg catalog tables in PostgreSQL"
		CREATE SCHEMA IF NOT EXISTS $schema;
		CREATE TABLE IF NOT EXISTS $schema.iceberg_namespace_properties (catalog_name varchar(255) NOT NULL,
		  namespace varchar(255) NOT NULL, property_key varchar(255), property_value varchar(1000),
		  PRIMARY KEY (catalog_name, namespace, property_key));
		CREATE TABLE IF NOT EXISTS $schema.iceberg_tables (catalog_name varchar(255) NOT NULL,
		  table_namespace varchar(255) NOT NULL, table_name varchar(255) NOT NULL, metadata_location varchar(1000),
		  previous_metadata_location varchar(1000), iceberg_type varchar(5),
		  PRIMARY KEY (catalog_name, table_namespace, table_name));
	EOF
	local code
	code=$(curl -s -o /dev/null -w '%{http_code}' -X PUT "$MTX_TEST_S3_ENDPOINT/$bucket") || die "athena: S3 at $MTX_TEST_S3_ENDPOINT does not answer"
	[[ $code == 200 || $code == 409 ]] || die "athena: could not create bucket $bucket (HTTP $code)"
	if [[ $code == 200 ]]; then
		# A new bucket (the S3 stand-in keeps objects in memory, so after a
		# restart every bucket is new): a table the catalog still lists has
		# lost its files, and Trino's column listing fails on such a table
		# in any schema ("Failed to open input stream").
		psql "$MTX_TEST_POSTGRES_DSN" -q -v ON_ERROR_STOP=1 >&2 \
			-c "DELETE FROM $schema.iceberg_tables" -c "DELETE FROM $schema.iceberg_namespace_properties" ||
			die "athena: could not empty the Iceberg catalog of the lost bucket"
	fi

	# PostgreSQL's URL as JDBC wants it: host, port, database; user and password apart.
	local pg
	pg=$(python3 - "$MTX_TEST_POSTGRES_DSN" <<-'EOF'
		import sys, urllib.parse
		u = urllib.parse.urlparse(sys.argv[1])
		print(f"jdbc:postgresql://{u.hostname}:{u.port or 5432}{u.path}")
		print(urllib.parse.unquote(u.username or ""))
		print(urllib.parse.unquote(u.password or ""))
	EOF
	) || die "athena: cannot read MTX_TEST_POSTGRES_DSN"
	local pg_url pg_user pg_pass
	{ read -r pg_url; read -r pg_user; read -r pg_pass; } <<<"$pg"

	local etc="$ATHENA_DIR/etc"
	mkdir -p "$etc/catalog" "$ATHENA_DIR/data"
	cat >"$etc/config.properties" <<-EOF
		coordinator=true
		node-scheduler.include-coordinator=true
		http-server.http.port=$ATHENA_PORT
		discovery.uri=http://127.0.0.1:$ATHENA_PORT
		query.max-memory=1GB
		query.max-memory-per-node=1GB
	EOF
	(
		umask 077 # the catalog file holds PostgreSQL's password
		cat >"$etc/catalog/iceberg.properties" <<-EOF
			connector.name=iceberg
			iceberg.catalog.type=jdbc
			iceberg.jdbc-catalog.driver-class=org.postgresql.Driver
			iceberg.jdbc-catalog.connection-url=$pg_url?currentSchema=$schema
			iceberg.jdbc-catalog.connection-user=$pg_user
			iceberg.jdbc-catalog.connection-password=$pg_pass
			iceberg.jdbc-catalog.catalog-name=mtx
			iceberg.jdbc-catalog.default-warehouse-dir=s3://$bucket/warehouse
			iceberg.file-format=PARQUET
			fs.native-s3.enabled=true
			s3.endpoint=$MTX_TEST_S3_ENDPOINT
			s3.path-style-access=true
			s3.region=us-east-1
			s3.aws-access-key=test
			s3.aws-secret-key=test
		EOF
		# Loads read an s3:// export through a Hive table over its folder
		# (Athena: an external table in Glue); its metastore is files in S3.
		cat >"$etc/catalog/hive.properties" <<-EOF
			connector.name=hive
			hive.metastore=file
			hive.metastore.catalog.dir=s3://$bucket/hive-metastore
			hive.timestamp-precision=MICROSECONDS
			fs.native-s3.enabled=true
			s3.endpoint=$MTX_TEST_S3_ENDPOINT
			s3.path-style-access=true
			s3.region=us-east-1
			s3.aws-access-key=test
			s3.aws-secret-key=test
		EOF
	)
	# Bind to 127.0.0.1 only; a small heap, since the machine is shared.
	start_daemon athena "$ATHENA_DIR" "$ATHENA_PORT" "$ATHENA_LOG" \
		"$java" -Xmx2G -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError -Djdk.attach.allowAttachSelf=true \
		-Dnode.environment=mtx -Dnode.id=mtx-athena -Dnode.data-dir="$ATHENA_DIR/data" \
		-Dnode.internal-address=127.0.0.1 -Dnode.bind-ip=127.0.0.1 -Dhttp-server.log.enabled=false \
		-Dplugin.dir="$ATHENA_DIR/plugins" -Dconfig="$etc/config.properties" -Dcatalog.config-dir="$etc/catalog" \
		-cp "$home/lib/*" io.trino.server.TrinoServer
	# A JVM on a shared 2-core machine: allow it several minutes.
	local TIMEOUT=$((TIMEOUT > 300 ? TIMEOUT : 300))
	wait_for athena "$ATHENA_LOG" athena_alive \
		sh -c "curl -sf 'http://127.0.0.1:$ATHENA_PORT/v1/info/state' | grep -q ACTIVE"
	log "athena: ready (Trino $TRINO_VERSION, Iceberg catalog)"
	emit MTX_TEST_ATHENA_DSN "http://mtx@127.0.0.1:$ATHENA_PORT?catalog=iceberg"
}

stop_athena() { stop_pidfile athena "$ENGINES_DIR/athena/server.pid"; }
