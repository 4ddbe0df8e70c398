// npm run docs:permissions — rewrites the table in docs/permissions.md from the code.
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { permissionMatrixMarkdown } from "@frontdesk/core/tenancy";
import { repoRoot } from "./lib/migrations";

const file = path.join(repoRoot, "docs", "permissions.md");
const doc = await readFile(file, "utf8");
const start = doc.indexOf("| permission |");
const end = doc.indexOf("\n\n", start);
await writeFile(
  file,
  `${doc.slice(0, start)}${permissionMatrixMarkdown().trimEnd()}${end === -1 ? "\n" : doc.slice(end)}`,
);
console.log(`updated ${path.relative(repoRoot, file)}`);
