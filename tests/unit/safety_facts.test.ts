/**
 * Table tests for the pure parts of the safety facts: index listings,
 * config, attributes, cat-file batches, mountinfo, safe.directory, the
 * clean environment, byte names, tool files and content reasons.
 *
 * @module
 */

import assert from "node:assert/strict";
import { pick, seededRandom } from "../prng.ts";
import { Buffer } from "node:buffer";
import {
  type ContentFacts,
  contentReasons,
} from "../../lib/decide/classify.ts";
import { isToolSessionFile } from "../../lib/decide/tool_files.ts";
import { cleanEnv, hasInvalidUtf8 } from "../../lib/gather/git.ts";
import {
  isFlagged,
  parseCatFileBatch,
  parseCheckAttr,
  parseConfigList,
  parseLsFilesVerbose,
} from "../../lib/gather/hidden_changes.ts";
import { parseMountInfo } from "../../lib/gather/nested.ts";
import { allowedBySafeDirectory } from "../../lib/gather/ownership.ts";
import {
  escapeInvalidUtf8,
  parseWorktreeList,
} from "../../lib/gather/worktree_list_parse.ts";

const SHA = "78981922613b2afb6025042ff6bd878ac1994e85";

Deno.test("parseLsFilesVerbose and isFlagged: tags decide what git never compares", () => {
  const entries = parseLsFilesVerbose(
    `H 100644 ${SHA} 0\tplain\0h 100644 ${SHA} 0\tassumed\0S 100644 ${SHA} 0\tskipped\0H 100644 ${SHA} 0\twith\ttab and\nnewline\0`,
  );
  assert.deepEqual(entries.map((e) => e.path), [
    "plain",
    "assumed",
    "skipped",
    "with\ttab and\nnewline",
  ]);
  const cases: [string, boolean, boolean][] = [
    ["plain", false, false],
    ["assumed", false, true],
    ["skipped", false, true],
    ["plain", true, true], // core.ignoreStat flags everything
  ];
  for (const [path, ignoreStat, expected] of cases) {
    const entry = entries.find((e) => e.path === path)!;
    assert.equal(
      isFlagged(entry, ignoreStat),
      expected,
      `${path} ${ignoreStat}`,
    );
  }
  assert.throws(() => parseLsFilesVerbose("garbage\0"), /cannot parse/);
});

Deno.test("parseLsFilesVerbose: a picked listing keeps what is wanted and still refuses garbage", () => {
  const text =
    `H 100644 ${SHA} 0\tplain\0h 100644 ${SHA} 0\tassumed\0H 160000 ${SHA} 0\tsub\0S 100644 ${SHA} 0\tskipped\0`;
  const picked = parseLsFilesVerbose(
    text,
    (tag, mode) => tag !== "H" || mode === "160000",
  );
  assert.deepEqual(picked.map((e) => e.path), ["assumed", "sub", "skipped"]);
  assert.deepEqual(picked.map((e) => e.mode), ["100644", "160000", "100644"]);
  for (const garbage of ["garbage\0", `H 100644 ${SHA}\0`, "H\0"]) {
    assert.throws(
      () => parseLsFilesVerbose(text + garbage, () => false),
      /cannot parse/,
      JSON.stringify(garbage),
    );
  }
});

Deno.test("parseConfigList: ignoreStat and filters with programs", () => {
  const cases: {
    input: string;
    ignoreStat: boolean;
    filters: string[];
    smudging: string[];
  }[] = [
    { input: "", ignoreStat: false, filters: [], smudging: [] },
    {
      input: "core.ignorestat\ntrue\0",
      ignoreStat: true,
      filters: [],
      smudging: [],
    },
    { input: "core.ignoreStat\0", ignoreStat: true, filters: [], smudging: [] },
    {
      input: "core.ignorestat\nfalse\0",
      ignoreStat: false,
      filters: [],
      smudging: [],
    },
    {
      input:
        "filter.strip.clean\nhead -1\0filter.lfs.process\ngit-lfs\0filter.empty.clean\n\0",
      ignoreStat: false,
      filters: ["strip", "lfs"],
      smudging: ["lfs"],
    },
  ];
  for (const c of cases) {
    assert.deepEqual(parseConfigList(c.input), {
      ignoreStat: c.ignoreStat,
      filters: c.filters,
      smudging: c.smudging,
    }, JSON.stringify(c.input));
  }
});

Deno.test("parseCheckAttr: only set filters count", () => {
  const map = parseCheckAttr(
    "a.ipynb\0filter\0strip\0b.txt\0filter\0unspecified\0c\0filter\0unset\0",
  );
  assert.deepEqual([...map], [["a.ipynb", "strip"]]);
});

Deno.test("parseCatFileBatch: contents by order, missing as null, binary safe", () => {
  const body = Buffer.from([0, 10, 255]);
  const out = parseCatFileBatch(Buffer.concat([
    Buffer.from(`${SHA} blob 3\n`),
    body,
    Buffer.from(`\n${SHA} missing\n${SHA} blob 0\n\n`),
  ]));
  assert.equal(out.length, 3);
  assert.ok(out[0]!.equals(body));
  assert.equal(out[1], null);
  assert.equal(out[2]!.length, 0);
});

Deno.test("parseMountInfo: mount points unescaped", () => {
  const text = "22 1 8:1 / / rw - ext4 /dev/sda1 rw\n" +
    "30 22 0:40 / /tmp/with\\040space rw - tmpfs tmpfs rw\n\n";
  assert.deepEqual(parseMountInfo(text), ["/", "/tmp/with space"]);
});

Deno.test("allowedBySafeDirectory: exact, star, prefix star, reset by empty", () => {
  const cases: [string, string[], boolean][] = [
    ["/r", [], false],
    ["/r", ["/r"], true],
    ["/r", ["*"], true],
    ["/r/x", ["/r/*"], true],
    ["/other", ["/r/*"], false],
    ["/r", ["*", ""], false],
    ["/r", ["", "/r"], true],
  ];
  for (const [path, values, expected] of cases) {
    assert.equal(
      allowedBySafeDirectory(path, values),
      expected,
      `${path} ${values}`,
    );
  }
});

Deno.test("cleanEnv: no GIT_* variable survives except where the user's config lives", () => {
  const env = cleanEnv({
    PATH: "/bin",
    HOME: "/h",
    GIT_INDEX_FILE: "/x",
    GIT_DIR: "/x",
    git_dir: "/x",
    GIT_CONFIG_COUNT: "1",
    GIT_CONFIG_PARAMETERS: "x",
    GIT_CONFIG_GLOBAL: "/h/.gitconfig",
    GIT_CONFIG_NOSYSTEM: "1",
    UNSET: undefined,
  });
  assert.deepEqual(env, {
    PATH: "/bin",
    HOME: "/h",
    GIT_CONFIG_GLOBAL: "/h/.gitconfig",
    GIT_CONFIG_NOSYSTEM: "1",
  });
});

Deno.test("escapeInvalidUtf8 and parseWorktreeList: byte names are escaped and marked", () => {
  assert.equal(escapeInvalidUtf8(Buffer.from("café")), "café");
  assert.equal(escapeInvalidUtf8(Buffer.from([0x63, 0xe9, 0x2f])), "c\\xe9/");
  assert.ok(hasInvalidUtf8(Buffer.from([0xff])));
  assert.ok(!hasInvalidUtf8(Buffer.from("ok")));
  const list = Buffer.concat([
    Buffer.from("worktree /r\0HEAD " + SHA + "\0branch refs/heads/main\0\0"),
    Buffer.from("worktree /r/.claude/worktrees/caf"),
    Buffer.from([0xe9]),
    Buffer.from("\0HEAD " + SHA + "\0branch refs/heads/ok\0\0"),
    Buffer.from(
      "worktree /r/.claude/worktrees/b\0HEAD " + SHA + "\0branch refs/heads/b",
    ),
    Buffer.from([0xff]),
    Buffer.from("\0\0"),
  ]);
  const records = parseWorktreeList(list);
  assert.deepEqual(
    records.map((r) => [r.path, r.undecodable ?? false]),
    [
      ["/r", false],
      ["/r/.claude/worktrees/caf\\xe9", true],
      ["/r/.claude/worktrees/b", true],
    ],
  );
});

Deno.test("property: escapeInvalidUtf8 gives valid names back byte for byte (a BOM too) and escapes every invalid byte", () => {
  const random = seededRandom(0xb0b);
  const pieces = [
    [0x61],
    [0x2f],
    [0xef, 0xbb, 0xbf], // BOM
    [0xc3, 0xa9], // é
    [0xe2, 0x82, 0xac], // €
    [0xf0, 0x9f, 0x98, 0x80], // an emoji
    [0xff],
    [0xc3], // a lead byte without its continuation
    [0x80],
  ];
  let invalid = 0;
  for (let i = 0; i < 500; i++) {
    const bytes = new Uint8Array(
      Array.from(
        { length: Math.floor(random() * 6) },
        () => pick(random, pieces),
      )
        .flat(),
    );
    const shown = escapeInvalidUtf8(bytes);
    if (!hasInvalidUtf8(bytes)) {
      assert.deepEqual(
        new TextEncoder().encode(shown),
        bytes,
        `valid ${[...bytes]}`,
      );
    } else {
      invalid++;
      assert.match(shown, /\\x[0-9a-f]{2}/, `invalid ${[...bytes]}`);
      assert.ok(!shown.includes("\uFFFD"), `no replacement: ${[...bytes]}`);
    }
  }
  assert.ok(invalid > 100 && invalid < 450, `${invalid} invalid cases`);
});

Deno.test("isToolSessionFile: only the tool's own session files", () => {
  const cases: [string, boolean][] = [
    [".claude-mpm/sessions/session-20260101-abc.json", true],
    [".claude-mpm/sessions/session-1.md", true],
    [".claude-mpm/sessions/LATEST-SESSION.txt", true],
    [".claude-mpm/sessions/.gitignore", true],
    [".claude-mpm/.gitignore", true],
    [".claude-mpm/sessions/notes.txt", false],
    [".claude-mpm/sessions/sub/session-1.json", false],
    [".claude-mpm/config.yaml", false],
    ["x/.claude-mpm/sessions/session-1.json", false],
  ];
  for (const [path, expected] of cases) {
    assert.equal(isToolSessionFile(path), expected, path);
  }
});

Deno.test("contentReasons: each kind of content gives its code and names a path", () => {
  const none: ContentFacts = {
    hiddenChanges: [],
    nestedWorktrees: [],
    nestedRepositories: [],
    mounts: [],
    undecodableNames: [],
    privateCommits: false,
  };
  const cases: [Partial<ContentFacts>, string, RegExp][] = [
    [{ hiddenChanges: ["f1.txt"] }, "hidden-changes", /'f1\.txt'/],
    [
      { nestedWorktrees: ["node_modules/w"] },
      "nested-worktree",
      /node_modules\/w/,
    ],
    [{ nestedRepositories: ["dep"] }, "nested-repository", /'dep'/],
    [{ mounts: ["data"] }, "mount-point", /'data'/],
    [{ undecodableNames: ["caf\\xe9"] }, "undecodable-name", /caf\\xe9/],
    [{ privateCommits: true }, "private-refs", /refs\/worktree/],
  ];
  assert.deepEqual(contentReasons(none), []);
  assert.deepEqual(contentReasons(undefined).map((r) => r.code), ["unknown"]);
  for (const [input, code, message] of cases) {
    const reasons = contentReasons({ ...none, ...input });
    assert.deepEqual(reasons.map((r) => r.code), [code]);
    assert.match(reasons[0].message, message);
  }
});
