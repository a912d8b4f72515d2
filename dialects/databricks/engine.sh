# shellcheck shell=bash
# dialects/databricks/engine.sh — the local stand-in for Databricks,
# sourced by tests/engines/up and tests/engines/down (which provide log,
# die, emit, venv_pip, start_daemon, stop_pidfile, show_log and the
# directories): Apache Spark 4.0 with Delta Lake, as Spark's Thrift server
# in HTTP mode, which mtx reaches with Databricks' own Go driver.
#
#   pyspark 4.0.1 (PyPI, in .build/venv-databricks; it ships Spark's jars,
#   the Thrift server's included), delta-spark 4.0.0, and Delta's jars
#   from Maven Central (mvn dependency:copy into .build/jars: Spark's own
#   spark.jars.packages cannot reach its repository here), on Java 17.
#   Derby metastore and Delta warehouse under .build/engines/databricks;
#   2 GB heap, local[2]. Spark's Thrift server in HTTP mode binds every
#   address (Hive's ThriftHttpCLIService never gives its Jetty connector
#   the bind host), so the JVM runs in a network namespace of its own with
#   only a loopback device (unshare --net), and two socat relays join it to
#   127.0.0.1:$MTX_DATABRICKS_PORT here through a unix socket: nothing
#   outside this machine can reach it.
#   mtx asks it to run statements synchronously (dialects/databricks/
#   direct.go), so Delta's jars are on the driver's class path: a
#   statement runs on an HTTP server thread, which does not see spark.jars.
#   Spark and Delta settings below cut each statement's CPU time (28% less
#   measured on the shared machine, docs/engines.md: no whole-stage code
#   generation, no adaptive planning, no Delta statistics or checksum
#   files, which a test's tiny tables do not need; Derby without fsync).
#
# Environment: MTX_DATABRICKS_PORT (default 59310), MTX_DATABRICKS_JVM_OPTS
# (default: the JVM's own tiered JIT with the parallel GC. C1-only JIT with
# the serial GC cost less CPU in the first minutes, but a test suite runs
# for half an hour: the same mtx migrate, load, run and test cost Spark 116,
# 111 and 92 s of CPU three times in a row with C1 only, 136, 78 and 53 s
# with C2, on the shared machine, docs/engines.md).

# Started with the others by `tests/engines/up` (CI requires it).
ALL_ENGINES+=(databricks)

DBX_PORT=${MTX_DATABRICKS_PORT:-59310}
DBX_DIR="$ENGINES_DIR/databricks"
DBX_LOG="$DBX_DIR/spark.log"
DBX_JAVA=/usr/lib/jvm/java-17-openjdk-amd64
DBX_JVM_OPTS=${MTX_DATABRICKS_JVM_OPTS:--XX:+UseParallelGC}
DBX_JARS=(io.delta:delta-spark_2.13:4.0.0 io.delta:delta-storage:4.0.0)

apt_databricks() {
	[[ -x $DBX_JAVA/bin/java ]] || echo openjdk-17-jre-headless
	command -v mvn >/dev/null || echo maven
	command -v socat >/dev/null || echo socat
	command -v ip >/dev/null || echo iproute2
}

start_databricks() {
	local VENV="$BUILD_DIR/venv-databricks"
	venv_pip pyspark==4.0.1 delta-spark==4.0.0
	local spark_home
	spark_home=$("$VENV/bin/python" -c 'import os, pyspark; print(os.path.dirname(pyspark.__file__))') ||
		die "databricks: pyspark does not import from $VENV"

	local jar_dir="$BUILD_DIR/jars" a jars=() g n v
	mkdir -p "$jar_dir" "$DBX_DIR"
	for a in "${DBX_JARS[@]}"; do
		IFS=: read -r g n v <<<"$a"
		if [[ ! -s $jar_dir/$n-$v.jar ]]; then
			log "databricks: mvn dependency:copy $a"
			mvn -q -B dependency:copy -Dartifact="$a:jar" -DoutputDirectory="$jar_dir" </dev/null >&2 ||
				die "databricks: could not fetch $a from Maven Central"
		fi
		jars+=("$jar_dir/$n-$v.jar")
	done
	# On the driver's class path, not spark.jars (see above).
	local jar_list
	jar_list=$(IFS=:; echo "${jars[*]}")

	cat >"$DBX_DIR/log4j2.properties" <<-'CONF'
		rootLogger.level = warn
		rootLogger.appenderRef.stdout.ref = console
		appender.console.type = Console
		appender.console.name = console
		appender.console.target = SYSTEM_ERR
		appender.console.layout.type = PatternLayout
		appender.console.layout.pattern = %d{yy/MM/dd HH:mm:ss} %p %c{1}: %m%n%ex
		logger.thrift.name = org.apache.spark.sql.hive.thriftserver
		logger.thrift.level = info
	CONF

	# The log says when the server listens; a fresh start must not read an
	# older run's line.
	local pidfile="$DBX_DIR/server.pid"
	if ! daemon_alive "$pidfile"; then
		[[ -f $DBX_LOG ]] && mv -f "$DBX_LOG" "$DBX_LOG.old"
	fi
	# In its own network namespace (see above): lo comes up, then Spark.
	start_daemon databricks "$DBX_DIR" "$DBX_PORT" "$DBX_LOG" \
		unshare --net sh -c 'ip link set lo up && exec "$@"' spark \
		env JAVA_HOME="$DBX_JAVA" SPARK_HOME="$spark_home" SPARK_LOCAL_IP=127.0.0.1 \
		HIVE_SERVER2_THRIFT_BIND_HOST=127.0.0.1 \
		"$spark_home/bin/spark-submit" --class org.apache.spark.sql.hive.thriftserver.HiveThriftServer2 \
		--name mtx-databricks --master 'local[2]' --driver-memory 2g \
		--conf spark.driver.extraClassPath="$jar_list" \
		--conf spark.sql.extensions=io.delta.sql.DeltaSparkSessionExtension \
		--conf spark.sql.catalog.spark_catalog=org.apache.spark.sql.delta.catalog.DeltaCatalog \
		--conf spark.sql.sources.default=delta \
		--conf spark.sql.warehouse.dir="$DBX_DIR/warehouse" \
		--conf spark.sql.session.timeZone=UTC \
		--conf spark.sql.shuffle.partitions=2 \
		--conf spark.sql.adaptive.enabled=false \
		--conf spark.sql.codegen.wholeStage=false \
		--conf spark.sql.codegen.factoryMode=NO_CODEGEN \
		--conf spark.databricks.delta.stats.collect=false \
		--conf spark.databricks.delta.writeChecksumFile.enabled=false \
		--conf spark.databricks.delta.snapshotPartitions=2 \
		--conf spark.ui.enabled=false \
		--conf spark.driver.host=127.0.0.1 --conf spark.driver.bindAddress=127.0.0.1 \
		--conf "spark.driver.extraJavaOptions=$DBX_JVM_OPTS -Dderby.system.home=$DBX_DIR -Dderby.system.durability=test -Dlog4j.configurationFile=$DBX_DIR/log4j2.properties" \
		--conf "spark.hadoop.javax.jdo.option.ConnectionURL=jdbc:derby:;databaseName=$DBX_DIR/metastore_db;create=true" \
		--hiveconf hive.server2.transport.mode=http \
		--hiveconf hive.server2.thrift.http.port="$DBX_PORT" \
		--hiveconf hive.server2.thrift.bind.host=127.0.0.1 \
		--hiveconf hive.server2.authentication=NOSASL

	# A JVM, Spark and the Hive metastore take a minute or more to start on
	# a busy 2-core machine.
	local deadline=$((SECONDS + TIMEOUT * 5))
	until grep -q 'HiveThriftServer2 started' "$DBX_LOG" 2>/dev/null; do
		if ! daemon_alive "$pidfile"; then
			show_log "$DBX_LOG"
			die "databricks (Spark Thrift server) exited during start-up; see $DBX_LOG"
		fi
		if ((SECONDS >= deadline)); then
			show_log "$DBX_LOG"
			die "databricks (Spark Thrift server) did not start within $((TIMEOUT * 5))s; see $DBX_LOG"
		fi
		sleep 1
	done
	# The relays: one inside Spark's namespace from the unix socket to its
	# port, one here from 127.0.0.1 to the socket. Both follow the server's
	# pid, so a restarted server gets new ones.
	local sock="$DBX_DIR/thrift.sock"
	start_daemon databricks-bridge "$DBX_DIR/bridge" "$DBX_PORT" "$DBX_DIR/bridge/socat.log" \
		nsenter --net="/proc/$(cat "$pidfile")/ns/net" \
		socat "UNIX-LISTEN:$sock,fork,unlink-early,mode=600,backlog=128" "TCP:127.0.0.1:$DBX_PORT"
	start_daemon databricks-relay "$DBX_DIR/relay" "$DBX_PORT" "$DBX_DIR/relay/socat.log" \
		socat "TCP-LISTEN:$DBX_PORT,bind=127.0.0.1,fork,reuseaddr,backlog=128" "UNIX-CONNECT:$sock"
	until ss -Hltn "sport = :$DBX_PORT" | grep -q "127.0.0.1:$DBX_PORT" && [[ -S $sock ]]; do
		if ((SECONDS >= deadline)); then
			show_log "$DBX_DIR/relay/socat.log"
			die "databricks: the socat relays to 127.0.0.1:$DBX_PORT did not start; see $DBX_DIR/*/socat.log"
		fi
		sleep 0.3
	done
	log "databricks: ready (Spark 4.0.1 Thrift server, Delta 4.0.0)"
	# token:… is what a workspace DSN carries; Spark's server (NOSASL) ignores it.
	emit MTX_TEST_DATABRICKS_DSN "http://token:local@127.0.0.1:$DBX_PORT/cliservice"
}

stop_databricks() {
	stop_pidfile databricks-relay "$ENGINES_DIR/databricks/relay/server.pid"
	stop_pidfile databricks-bridge "$ENGINES_DIR/databricks/bridge/server.pid"
	stop_pidfile databricks "$ENGINES_DIR/databricks/server.pid"
}
