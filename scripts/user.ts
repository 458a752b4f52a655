/**
 * npm run user -- add EMAIL --role maintainer|admin|reader [--name NAME]
 * npm run user -- role EMAIL --role maintainer|admin|reader
 * npm run user -- passwd EMAIL
 * npm run user -- remove EMAIL
 * npm run user -- list
 *
 * The password comes from a prompt (not echoed) or, when stdin is not a terminal, from its
 * first line. It is hashed with scrypt by better-auth, like the web sign-in expects.
 */
import { randomUUID } from "node:crypto";
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { hashPassword } from "better-auth/crypto";
import { and, eq } from "drizzle-orm";
import { connect } from "../db/client";
import { runMigrations } from "../db/migrate";
import { accounts, ROLES, type Role, sessions, users } from "../db/schema";

const USAGE = `usage: npm run user -- add EMAIL --role maintainer|admin|reader [--name NAME]
       npm run user -- role EMAIL --role maintainer|admin|reader
       npm run user -- passwd EMAIL
       npm run user -- remove EMAIL
       npm run user -- list`;

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { role: { type: "string" }, name: { type: "string" }, help: { type: "boolean" } },
});
const [command, rawEmail] = positionals;
if (values.help || !command) {
  console.log(USAGE);
  process.exit(command ? 0 : 2);
}

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

function parseRole(raw: string | undefined): Role {
  if (!raw || !(ROLES as readonly string[]).includes(raw))
    fail(`--role must be one of ${ROLES.join(", ")}`);
  return raw as Role;
}

function parseEmail(raw: string | undefined): string {
  const email = raw?.trim().toLowerCase();
  if (!email || !/^[^@\s]+@[^@\s]+$/.test(email)) fail(`A valid EMAIL is needed\n${USAGE}`);
  return email;
}

async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) {
    const rl = createInterface({ input: process.stdin });
    for await (const line of rl) {
      rl.close();
      return line;
    }
    return "";
  }
  const ask = (prompt: string) =>
    new Promise<string>((resolve) => {
      process.stdout.write(prompt);
      const stdin = process.stdin;
      stdin.setRawMode(true);
      stdin.resume();
      let value = "";
      const onData = (chunk: Buffer) => {
        for (const ch of chunk.toString("utf8")) {
          if (ch === "\r" || ch === "\n") {
            stdin.setRawMode(false);
            stdin.pause();
            stdin.off("data", onData);
            process.stdout.write("\n");
            resolve(value);
            return;
          }
          if (ch === "\u0003") process.exit(130);
          if (ch === "\u007f") value = value.slice(0, -1);
          else value += ch;
        }
      };
      stdin.on("data", onData);
    });
  const first = await ask("Password: ");
  const again = await ask("Again: ");
  if (first !== again) fail("The passwords differ");
  return first;
}

async function newPassword(): Promise<string> {
  const password = await readPassword();
  if (password.length < 10) fail("The password needs at least 10 characters");
  return hashPassword(password);
}

const connection = await connect({ max: 2 });
const { db } = connection;
try {
  await runMigrations(db);
  switch (command) {
    case "add": {
      const email = parseEmail(rawEmail);
      const role = parseRole(values.role);
      const [existing] = await db.select().from(users).where(eq(users.email, email));
      if (existing) fail(`${email} already exists (use "role" or "passwd")`);
      const hash = await newPassword();
      const id = randomUUID();
      await db.transaction(async (tx) => {
        await tx
          .insert(users)
          .values({ id, email, name: values.name ?? email.split("@")[0] ?? email, role });
        await tx.insert(accounts).values({
          id: randomUUID(),
          accountId: id,
          providerId: "credential",
          userId: id,
          password: hash,
        });
      });
      console.log(`Added ${email} (${role})`);
      break;
    }
    case "role": {
      const email = parseEmail(rawEmail);
      const role = parseRole(values.role);
      const rows = await db
        .update(users)
        .set({ role, updatedAt: new Date() })
        .where(eq(users.email, email))
        .returning();
      if (rows.length === 0) fail(`No user ${email}`);
      console.log(`${email} is now ${role}`);
      break;
    }
    case "passwd": {
      const email = parseEmail(rawEmail);
      const [user] = await db.select().from(users).where(eq(users.email, email));
      if (!user) fail(`No user ${email}`);
      const hash = await newPassword();
      await db.transaction(async (tx) => {
        await tx
          .update(accounts)
          .set({ password: hash, updatedAt: new Date() })
          .where(and(eq(accounts.userId, user.id), eq(accounts.providerId, "credential")));
        await tx.delete(sessions).where(eq(sessions.userId, user.id));
      });
      console.log(`Password changed for ${email}; their sessions were signed out`);
      break;
    }
    case "remove": {
      const email = parseEmail(rawEmail);
      const rows = await db.delete(users).where(eq(users.email, email)).returning();
      if (rows.length === 0) fail(`No user ${email}`);
      console.log(`Removed ${email}`);
      break;
    }
    case "list": {
      const rows = await db
        .select({ email: users.email, role: users.role, createdAt: users.createdAt })
        .from(users)
        .orderBy(users.email);
      for (const r of rows) console.log(`${r.email}\t${r.role}\t${r.createdAt.toISOString()}`);
      if (rows.length === 0) console.log("No users yet: npm run user -- add EMAIL --role admin");
      break;
    }
    default:
      fail(USAGE);
  }
} finally {
  await connection.close();
}
