import path from "node:path";

export default {
  serverExternalPackages: ["pg"],
  turbopack: { root: path.join(import.meta.dirname, "..", "..") },
};
