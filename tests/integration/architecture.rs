//! The import rules of ARCHITECTURE.md, checked on the source so they stay true: no two files
//! import each other in a loop, only the command layer imports `cli`, the foundation imports
//! nothing above it, no file grows past 800 lines, one runtime owner, and only `main`/`lib`
//! end the process.
//!
//! A file's imports are the crate paths it names (`use` trees and `crate::…`/`super::…`/
//! `self::…` paths in code), with comments, strings and `#[cfg(test)]` modules left out. A
//! path through a re-export (`crate::Error`, `super::Scheme`) counts as an import of the file
//! that defines the item, so a `mod.rs` that only re-exports its children is no link in a loop.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// Where the command line may be imported from: the binary, the dispatcher, the command layer,
/// and the completions/man generator (which renders the clap definition).
const MAY_IMPORT_CLI: &[&str] =
    &["src/main.rs", "src/lib.rs", "src/cli/", "src/commands/", "src/generate.rs"];

/// The foundation: modules every layer may use, which themselves import only each other.
const FOUNDATION: &[&str] = &["exit", "duration", "sanitize", "secret", "pattern", "providers"];

const MAX_LINES: usize = 800;

/// Folders whose files still import each other in loops, being untied: a loop entirely inside
/// one of them is reported as a known debt, not a failure. Anything else fails. Remove a folder
/// here when its loops are gone; the list only shrinks.
const KNOWN_LOOPS: &[&str] = &[];

type ModPath = Vec<String>;

struct File {
    /// Relative to the crate root, e.g. `src/wait/log.rs`.
    path: String,
    /// The code with comments and literals blanked and `#[cfg(test)]` modules removed.
    code: Vec<char>,
    /// `(start, end)` of inline (non-test) `mod x { … }` blocks, for `super` inside them.
    inline_mods: Vec<(usize, usize)>,
}

struct Tree {
    files: BTreeMap<ModPath, File>,
    /// Items each module defines at its top level.
    defs: BTreeMap<ModPath, BTreeSet<String>>,
    /// `pub use` re-exports: module → (name → path as written).
    reexports: BTreeMap<ModPath, BTreeMap<String, String>>,
    /// `pub use x::*` re-exports: module → paths as written.
    globs: BTreeMap<ModPath, Vec<String>>,
    edges: BTreeMap<ModPath, BTreeSet<ModPath>>,
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    let mut entries: Vec<_> = entries.flatten().map(|e| e.path()).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|e| e == "rs") {
            out.push(p);
        }
    }
}

fn relative(p: &Path) -> String {
    p.strip_prefix(root()).unwrap_or(p).to_string_lossy().replace('\\', "/")
}

fn module_of(rel: &str) -> Option<ModPath> {
    let inner = rel.strip_prefix("src/")?.strip_suffix(".rs")?;
    let mut parts: Vec<String> = inner.split('/').map(str::to_string).collect();
    match parts.last().map(String::as_str) {
        Some("lib") if parts.len() == 1 => Some(Vec::new()),
        Some("main") if parts.len() == 1 => None,
        Some("mod") => {
            parts.pop();
            Some(parts)
        }
        _ => Some(parts),
    }
}

fn is_ident(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// The code without comments, with string and char literals emptied (`""`, `' '`).
fn lex(src: &str) -> Vec<char> {
    let s: Vec<char> = src.chars().collect();
    let mut out = Vec::with_capacity(s.len());
    let mut i = 0;
    let at = |i: usize, pat: &str| pat.chars().enumerate().all(|(k, c)| s.get(i + k) == Some(&c));
    while i < s.len() {
        let c = s[i];
        let prev_ident = i > 0 && is_ident(s[i - 1]);
        if at(i, "//") {
            while i < s.len() && s[i] != '\n' {
                i += 1;
            }
        } else if at(i, "/*") {
            let mut depth = 0;
            while i < s.len() {
                if at(i, "/*") {
                    depth += 1;
                    i += 2;
                } else if at(i, "*/") {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    i += 1;
                }
            }
        } else if !prev_ident && (at(i, "r#") || at(i, "r\"") || at(i, "br#") || at(i, "br\"")) {
            // Raw string: r##"…"##.
            let mut j = i + if c == 'b' { 2 } else { 1 };
            let mut hashes = 0;
            while s.get(j) == Some(&'#') {
                hashes += 1;
                j += 1;
            }
            if s.get(j) != Some(&'"') {
                out.push(c); // `r#ident`
                i += 1;
                continue;
            }
            j += 1;
            loop {
                if j >= s.len() {
                    break;
                }
                if s[j] == '"' && (0..hashes).all(|k| s.get(j + 1 + k) == Some(&'#')) {
                    j += 1 + hashes;
                    break;
                }
                j += 1;
            }
            out.extend(['"', '"']);
            i = j;
        } else if c == '"' || (!prev_ident && at(i, "b\"")) {
            let mut j = i + if c == 'b' { 2 } else { 1 };
            while j < s.len() && s[j] != '"' {
                j += if s[j] == '\\' { 2 } else { 1 };
            }
            out.extend(['"', '"']);
            i = j + 1;
        } else if c == '\'' {
            // A char literal ('x', '\n', '\u{1b}'), else a lifetime.
            if s.get(i + 1) == Some(&'\\') {
                let mut j = i + 2;
                while j < s.len() && s[j] != '\'' {
                    j += 1;
                }
                out.extend(['\'', ' ', '\'']);
                i = j + 1;
            } else if s.get(i + 2) == Some(&'\'') {
                out.extend(['\'', ' ', '\'']);
                i += 3;
            } else {
                out.push(c);
                i += 1;
            }
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

/// Index just past the `}` matching the `{` at `open`.
fn block_end(code: &[char], open: usize) -> usize {
    let mut depth = 0;
    for (i, c) in code.iter().enumerate().skip(open) {
        match c {
            '{' => depth += 1,
            '}' => {
                depth -= 1;
                if depth == 0 {
                    return i + 1;
                }
            }
            _ => {}
        }
    }
    code.len()
}

fn skip_ws(code: &[char], mut i: usize) -> usize {
    while i < code.len() && code[i].is_whitespace() {
        i += 1;
    }
    i
}

fn word_at(code: &[char], i: usize) -> (String, usize) {
    let mut j = i;
    while j < code.len() && is_ident(code[j]) {
        j += 1;
    }
    (code[i..j].iter().collect(), j)
}

fn starts(code: &[char], i: usize, pat: &str) -> bool {
    pat.chars().enumerate().all(|(k, c)| code.get(i + k) == Some(&c))
}

/// Whether a keyword starts at `i` (not inside a longer identifier).
fn keyword_at(code: &[char], i: usize, kw: &str) -> bool {
    starts(code, i, kw)
        && (i == 0 || !is_ident(code[i - 1]))
        && code.get(i + kw.len()).is_none_or(|c| !is_ident(*c))
}

/// Removes `#[cfg(test)] mod x { … }` blocks; returns the code and the names of
/// `#[cfg(test)] mod x;` children (test-only files).
fn without_tests(mut code: Vec<char>) -> (Vec<char>, Vec<String>) {
    let mut test_children = Vec::new();
    let mut i = 0;
    while i < code.len() {
        if !starts(&code, i, "#[cfg(test)]") {
            i += 1;
            continue;
        }
        let mut j = skip_ws(&code, i + "#[cfg(test)]".len());
        // Further attributes, `pub`, `pub(crate)`.
        while starts(&code, j, "#[") {
            while j < code.len() && code[j] != ']' {
                j += 1;
            }
            j = skip_ws(&code, j + 1);
        }
        if keyword_at(&code, j, "pub") {
            j = skip_ws(&code, j + 3);
            if code.get(j) == Some(&'(') {
                while j < code.len() && code[j] != ')' {
                    j += 1;
                }
                j = skip_ws(&code, j + 1);
            }
        }
        if !keyword_at(&code, j, "mod") {
            i += 1;
            continue;
        }
        let (name, after) = word_at(&code, skip_ws(&code, j + 3));
        let next = skip_ws(&code, after);
        match code.get(next) {
            Some('{') => {
                let end = block_end(&code, next);
                code.drain(i..end);
            }
            Some(';') => {
                test_children.push(name);
                code.drain(i..next + 1);
            }
            _ => i += 1,
        }
    }
    (code, test_children)
}

/// `(start, end)` of every `mod x { … }` block.
fn inline_mods(code: &[char]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for i in 0..code.len() {
        if keyword_at(code, i, "mod") {
            let (_, after) = word_at(code, skip_ws(code, i + 3));
            let next = skip_ws(code, after);
            if code.get(next) == Some(&'{') {
                out.push((i, block_end(code, next)));
            }
        }
    }
    out
}

/// The code at brace depth 0 (other characters blanked), where a module's own items are.
fn top_level(code: &[char]) -> Vec<char> {
    let mut depth = 0i32;
    code.iter()
        .map(|&c| {
            let keep = depth == 0 && c != '{' && c != '}';
            match c {
                '{' => depth += 1,
                '}' => depth -= 1,
                _ => {}
            }
            if keep {
                c
            } else {
                ' '
            }
        })
        .collect()
}

/// `a::{b, c::{d as e}}` → `["a::b", "a::c::d as e"]`.
fn expand(tree: &str) -> Vec<String> {
    let tree = tree.trim();
    let Some(open) = tree.find('{') else { return vec![tree.to_string()] };
    let close = tree.rfind('}').unwrap_or(tree.len());
    let prefix = &tree[..open];
    let body = &tree[open + 1..close];
    let mut parts = Vec::new();
    let (mut depth, mut cur) = (0, String::new());
    for c in body.chars() {
        match c {
            ',' if depth == 0 => parts.push(std::mem::take(&mut cur)),
            _ => {
                depth += i32::from(c == '{') - i32::from(c == '}');
                cur.push(c);
            }
        }
    }
    parts.push(cur);
    parts
        .iter()
        .filter(|p| !p.trim().is_empty())
        .flat_map(|p| expand(p))
        .map(|p| format!("{prefix}{p}"))
        .collect()
}

/// `("a::b::c", Some("alias"))` from `a :: b::c as alias`.
fn split_alias(path: &str) -> (String, Option<String>) {
    let compact: String = path.split_whitespace().collect::<Vec<_>>().join(" ");
    match compact.split_once(" as ") {
        Some((p, alias)) => (p.replace(' ', ""), Some(alias.trim().to_string())),
        None => (compact.replace(' ', ""), None),
    }
}

/// `use` statements: (position, tree) with the visibility they were declared with.
fn uses(code: &[char]) -> Vec<(usize, String, bool)> {
    let mut out = Vec::new();
    for i in 0..code.len() {
        if !keyword_at(code, i, "use") {
            continue;
        }
        let end = (i..code.len()).find(|&j| code[j] == ';').unwrap_or(code.len());
        let tree: String = code[i + 3..end].iter().collect();
        // `pub use`, `pub(crate) use`, `pub(super) use`.
        let before: String = code[i.saturating_sub(20)..i].iter().collect();
        let public =
            before.trim_end().ends_with("pub") || before.trim_end().ends_with(')') && before.contains("pub(");
        out.push((i, tree, public));
    }
    out
}

impl Tree {
    fn load() -> Tree {
        let mut paths = Vec::new();
        rust_files(&root().join("src"), &mut paths);
        let mut files = BTreeMap::new();
        let mut test_only: BTreeSet<ModPath> = BTreeSet::new();
        for p in paths {
            let rel = relative(&p);
            let Some(module) = module_of(&rel) else { continue };
            let raw = std::fs::read_to_string(&p).unwrap();
            let (code, test_children) = without_tests(lex(&raw));
            for child in test_children {
                let mut m = module.clone();
                m.push(child);
                test_only.insert(m);
            }
            let inline_mods = inline_mods(&code);
            files.insert(module, File { path: rel, code, inline_mods });
        }
        files.retain(|m, _| !test_only.iter().any(|t| m.starts_with(t)));
        let mut tree = Tree {
            files,
            defs: BTreeMap::new(),
            reexports: BTreeMap::new(),
            globs: BTreeMap::new(),
            edges: BTreeMap::new(),
        };
        tree.index_items();
        tree.index_edges();
        tree
    }

    fn index_items(&mut self) {
        const ITEMS: &[&str] = &["fn", "struct", "enum", "const", "static", "type", "trait", "union"];
        for (m, f) in &self.files {
            let top = top_level(&f.code);
            let mut defs = BTreeSet::new();
            for i in 0..top.len() {
                if let Some(kw) = ITEMS.iter().find(|kw| keyword_at(&top, i, kw)) {
                    let (name, _) = word_at(&top, skip_ws(&top, i + kw.len()));
                    if !name.is_empty() {
                        defs.insert(name);
                    }
                }
                if starts(&top, i, "macro_rules!") {
                    defs.insert(word_at(&top, skip_ws(&top, i + "macro_rules!".len())).0);
                }
            }
            self.defs.insert(m.clone(), defs);
            for (pos, tree, public) in uses(&f.code) {
                if !public || self.inline_depth(f, pos) > 0 {
                    continue;
                }
                for path in expand(&tree) {
                    let (path, alias) = split_alias(&path);
                    if let Some(prefix) = path.strip_suffix("::*") {
                        self.globs.entry(m.clone()).or_default().push(prefix.to_string());
                    } else {
                        let name =
                            alias.unwrap_or_else(|| path.rsplit("::").next().unwrap_or("").to_string());
                        let name = if name == "self" {
                            path.trim_end_matches("::self").rsplit("::").next().unwrap_or("").to_string()
                        } else {
                            name
                        };
                        self.reexports.entry(m.clone()).or_default().insert(name, path);
                    }
                }
            }
        }
    }

    fn inline_depth(&self, f: &File, pos: usize) -> usize {
        f.inline_mods.iter().filter(|(a, b)| *a <= pos && pos < *b).count()
    }

    /// The path as seen from the file: `super` inside an inline module first leaves that
    /// module. `None` when the path stays inside the file or is not a crate path.
    fn seen_from(&self, f: &File, pos: usize, path: &str) -> Option<String> {
        let depth = self.inline_depth(f, pos);
        let segs: Vec<&str> = path.split("::").filter(|s| !s.is_empty()).collect();
        let supers = segs.iter().take_while(|s| **s == "super").count();
        if depth > 0 && supers == 0 && !matches!(segs.first(), Some(&"crate")) {
            return None; // a name inside an inline module: its own, or another crate's
        }
        if supers > 0 && supers <= depth {
            return None;
        }
        let mut out: Vec<&str> = vec!["super"; supers.saturating_sub(depth)];
        out.extend(&segs[supers..]);
        Some(out.join("::"))
    }

    /// The module a path names, following re-exports to the file that defines the item.
    fn resolve(&self, from: &ModPath, path: &str, hops: usize) -> Option<ModPath> {
        let segs: Vec<&str> = path.split("::").filter(|s| !s.is_empty()).collect();
        let (mut m, rest): (ModPath, &[&str]) = match segs.first() {
            Some(&"crate") => (Vec::new(), &segs[1..]),
            Some(&"self") => (from.clone(), &segs[1..]),
            Some(&"super") => {
                let n = segs.iter().take_while(|s| **s == "super").count();
                (from[..from.len().saturating_sub(n)].to_vec(), &segs[n..])
            }
            Some(first) if self.files.contains_key(&[from.clone(), vec![first.to_string()]].concat()) => {
                (from.clone(), &segs[..])
            }
            _ => return None,
        };
        let mut i = 0;
        while i < rest.len() {
            let mut next = m.clone();
            next.push(rest[i].to_string());
            if !self.files.contains_key(&next) {
                break;
            }
            m = next;
            i += 1;
        }
        let Some(name) = rest.get(i) else { return Some(m) };
        if hops > 8 || self.defs.get(&m).is_some_and(|d| d.contains(*name)) {
            return Some(m);
        }
        let tail: String = rest[i + 1..].iter().map(|s| format!("::{s}")).collect();
        if let Some(target) = self.reexports.get(&m).and_then(|r| r.get(*name)) {
            if let Some(t) = self.resolve(&m, &format!("{target}{tail}"), hops + 1) {
                return Some(t);
            }
        }
        for glob in self.globs.get(&m).into_iter().flatten() {
            let Some(g) = self.resolve(&m, glob, hops + 1) else { continue };
            let has = self.defs.get(&g).is_some_and(|d| d.contains(*name))
                || self.reexports.get(&g).is_some_and(|r| r.contains_key(*name));
            if has {
                if let Some(t) = self.resolve(&m, &format!("{glob}::{name}{tail}"), hops + 1) {
                    return Some(t);
                }
            }
        }
        Some(m)
    }

    fn index_edges(&mut self) {
        let mut edges = BTreeMap::new();
        for (m, f) in &self.files {
            let mut targets = BTreeSet::new();
            let mut add = |pos: usize, path: &str| {
                if let Some(p) = self.seen_from(f, pos, path) {
                    if let Some(t) = self.resolve(m, &p, 0) {
                        targets.insert(t);
                    }
                }
            };
            for (pos, tree, _) in uses(&f.code) {
                for path in expand(&tree) {
                    add(pos, &split_alias(&path).0);
                }
            }
            // Paths in code: `crate::a::b`, `super::x`, `child::f()`.
            let code = &f.code;
            let mut i = 0;
            while i < code.len() {
                let boundary = i == 0 || !(is_ident(code[i - 1]) || code[i - 1] == ':');
                if !boundary || !is_ident(code[i]) {
                    i += 1;
                    continue;
                }
                let start = i;
                let mut segs = Vec::new();
                loop {
                    let (w, after) = word_at(code, i);
                    segs.push(w);
                    if starts(code, after, "::") && code.get(after + 2).is_some_and(|c| is_ident(*c)) {
                        i = after + 2;
                    } else {
                        i = after.max(i + 1);
                        break;
                    }
                }
                if segs.len() > 1 {
                    add(start, &segs.join("::"));
                }
            }
            targets.remove(m);
            edges.insert(m.clone(), targets);
        }
        self.edges = edges;
    }

    fn name(&self, m: &ModPath) -> &str {
        self.files.get(m).map(|f| f.path.as_str()).unwrap_or("?")
    }

    /// Strongly connected components with more than one file (Tarjan).
    fn cycles(&self) -> Vec<Vec<ModPath>> {
        struct State<'a> {
            tree: &'a Tree,
            index: BTreeMap<&'a ModPath, usize>,
            low: BTreeMap<&'a ModPath, usize>,
            stack: Vec<&'a ModPath>,
            on: BTreeSet<&'a ModPath>,
            out: Vec<Vec<ModPath>>,
        }
        fn visit<'a>(s: &mut State<'a>, v: &'a ModPath) {
            let n = s.index.len();
            s.index.insert(v, n);
            s.low.insert(v, n);
            s.stack.push(v);
            s.on.insert(v);
            for w in s.tree.edges.get(v).into_iter().flatten() {
                if !s.tree.files.contains_key(w) {
                    continue;
                }
                if !s.index.contains_key(w) {
                    visit(s, w);
                    let lw = s.low[w];
                    let lv = s.low.get_mut(v).unwrap();
                    *lv = (*lv).min(lw);
                } else if s.on.contains(w) {
                    let iw = s.index[w];
                    let lv = s.low.get_mut(v).unwrap();
                    *lv = (*lv).min(iw);
                }
            }
            if s.low[v] == s.index[v] {
                let mut comp = Vec::new();
                while let Some(w) = s.stack.pop() {
                    s.on.remove(w);
                    comp.push(w.clone());
                    if w == v {
                        break;
                    }
                }
                if comp.len() > 1 {
                    s.out.push(comp);
                }
            }
        }
        let mut s = State {
            tree: self,
            index: BTreeMap::new(),
            low: BTreeMap::new(),
            stack: Vec::new(),
            on: BTreeSet::new(),
            out: Vec::new(),
        };
        for m in self.files.keys() {
            if !s.index.contains_key(m) {
                visit(&mut s, m);
            }
        }
        s.out
    }

    /// Files whose code (not comments, strings or tests) contains `needle`.
    fn files_using(&self, needle: &str) -> Vec<&str> {
        let needle: Vec<char> = needle.chars().collect();
        self.files
            .values()
            .filter(|f| f.code.windows(needle.len()).any(|w| w == needle.as_slice()))
            .map(|f| f.path.as_str())
            .collect()
    }
}

fn tree() -> &'static Tree {
    static TREE: OnceLock<Tree> = OnceLock::new();
    TREE.get_or_init(Tree::load)
}

#[test]
fn no_two_files_import_each_other_in_a_loop() {
    let t = tree();
    let known =
        |comp: &Vec<ModPath>| KNOWN_LOOPS.iter().any(|dir| comp.iter().all(|m| t.name(m).starts_with(dir)));
    let report: Vec<String> = t
        .cycles()
        .iter()
        .filter(|comp| !known(comp))
        .map(|comp| {
            let members: BTreeSet<&ModPath> = comp.iter().collect();
            let lines: Vec<String> = comp
                .iter()
                .map(|m| {
                    let into: Vec<&str> =
                        t.edges[m].iter().filter(|x| members.contains(x)).map(|x| t.name(x)).collect();
                    format!("  {} → {}", t.name(m), into.join(", "))
                })
                .collect();
            lines.join("\n")
        })
        .collect();
    assert!(report.is_empty(), "import loops between files:\n{}", report.join("\n\n"));
}

#[test]
fn only_the_command_layer_imports_cli() {
    let t = tree();
    let mut bad = Vec::new();
    for (m, f) in &t.files {
        if MAY_IMPORT_CLI
            .iter()
            .any(|allowed| f.path == *allowed || f.path.starts_with(allowed) && allowed.ends_with('/'))
        {
            continue;
        }
        for target in &t.edges[m] {
            if target.first().is_some_and(|s| s == "cli") {
                bad.push(format!("{} imports {}", f.path, t.name(target)));
            }
        }
    }
    assert!(bad.is_empty(), "clap types belong to the command layer:\n{}", bad.join("\n"));
}

#[test]
fn the_foundation_imports_nothing_above_it() {
    let t = tree();
    let in_foundation = |m: &ModPath| m.first().is_some_and(|s| FOUNDATION.contains(&s.as_str()));
    let mut bad = Vec::new();
    for (m, f) in &t.files {
        if !in_foundation(m) {
            continue;
        }
        for target in &t.edges[m] {
            if !in_foundation(target) {
                bad.push(format!("{} imports {}", f.path, t.name(target)));
            }
        }
    }
    assert!(
        bad.is_empty(),
        "foundation modules ({}) import only each other:\n{}",
        FOUNDATION.join(", "),
        bad.join("\n")
    );
}

#[test]
fn no_source_file_is_over_800_lines() {
    let mut paths = Vec::new();
    for dir in ["src", "tests", "benches", "examples"] {
        rust_files(&root().join(dir), &mut paths);
    }
    let long: Vec<String> = paths
        .iter()
        .filter_map(|p| {
            let lines = std::fs::read_to_string(p).ok()?.lines().count();
            (lines > MAX_LINES).then(|| format!("{} ({lines} lines)", relative(p)))
        })
        .collect();
    assert!(long.is_empty(), "files over {MAX_LINES} lines (split them by concept):\n{}", long.join("\n"));
}

#[test]
fn only_main_and_lib_end_the_process() {
    let found: Vec<&str> = tree()
        .files_using("process::exit")
        .into_iter()
        .filter(|p| !matches!(*p, "src/lib.rs" | "src/main.rs"))
        .collect();
    assert!(found.is_empty(), "std::process::exit outside main/lib (return an outcome instead): {found:?}");
}

/// The checker itself: re-exports are followed, tests and comments are not imports.
#[test]
fn the_checker_resolves_re_exports_and_ignores_tests() {
    let t = tree();
    let edges = |path: &str| -> Vec<&str> {
        let (m, _) = t.files.iter().find(|(_, f)| f.path == path).expect(path);
        t.edges[m].iter().map(|x| t.name(x)).collect()
    };
    // `crate::Error` is error.rs, not lib.rs.
    assert!(edges("src/headers.rs").contains(&"src/error.rs"), "{:?}", edges("src/headers.rs"));
    assert!(!edges("src/headers.rs").contains(&"src/lib.rs"));
    // duration.rs names `crate::cli` only in no code at all once its clap test moved: none.
    assert!(!edges("src/duration.rs").iter().any(|p| p.starts_with("src/cli/")));
    // A `#[cfg(test)] mod tests;` file is not part of the graph.
    assert!(!t.files.values().any(|f| f.path == "src/wait/tests.rs"));
}

/// One runtime owner: the file that builds the tokio runtime (`fn runtime`) is the only one
/// that blocks on it, and only the dispatcher (`lib.rs`) enters it, through the owner's
/// `runtime::block_on`; everything else is `async` and runs on it.
#[test]
fn only_the_runtime_owner_blocks_on_a_future() {
    let t = tree();
    let owners = t.files_using("fn runtime(");
    assert_eq!(owners.len(), 1, "exactly one file builds the runtime: {owners:?}");
    let owner = owners[0];
    let outside: Vec<&str> = t
        .files_using("block_on")
        .into_iter()
        .filter(|p| *p != owner)
        .filter(|p| *p != "src/lib.rs" || t.files_using(".block_on(").contains(p))
        .collect();
    assert!(outside.is_empty(), "block_on outside the runtime owner {owner}: {outside:?}");
}

/// `Ctx` (settings.rs) is the command layer's: library code takes the client, printer or
/// settings it needs, so it can run without a command line (tests, `demo`, other commands).
#[test]
fn only_the_command_layer_uses_the_command_context() {
    let t = tree();
    let settings: ModPath = vec!["settings".to_string()];
    let bad: Vec<String> = t
        .files
        .iter()
        .filter(|(_, f)| {
            !MAY_IMPORT_CLI.iter().any(|a| f.path == *a || a.ends_with('/') && f.path.starts_with(a))
        })
        .filter(|(m, _)| t.edges[*m].contains(&settings))
        .map(|(_, f)| f.path.clone())
        .collect();
    assert!(bad.is_empty(), "library files that import settings.rs (Ctx): {bad:?}");
}
