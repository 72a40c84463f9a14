//! The record of temporary registrations: one small JSON file per live registration in the
//! user's state directory, locked by the process that owns it. A file whose lock can be taken
//! belongs to a run that ended without deleting its endpoint (killed, network down): a leftover.

use std::fs::{self, File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

/// One registration, as recorded. No token or secret is stored: cleanup uses the current
/// credentials. The record is written before the endpoint is created (an intent, `id` empty)
/// and completed with the id after; fields are written in this order, one per line, so a
/// record cut off mid-write still names provider, API and run.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct Entry {
    pub provider: String,
    /// The API's base URL with any password shown as `***` (the record is no place for it).
    pub base_url: String,
    /// The run's mark, also in the endpoint's description: how cleanup finds an endpoint whose
    /// id never reached the record. Empty in records of older versions.
    #[serde(default)]
    pub run: String,
    /// The URL the endpoint pointed at.
    pub url: String,
    /// RFC 3339.
    pub created_at: String,
    pub pid: u32,
    /// Empty while the create is in flight.
    #[serde(default)]
    pub id: String,
}

/// A recorded registration held by this process: the lock on the file says "still in use".
#[derive(Debug)]
pub struct Held {
    path: PathBuf,
    _file: File,
}

impl Held {
    /// The endpoint is gone: forget it.
    pub fn release(self) {
        let _ = fs::remove_file(&self.path);
    }

    /// Replaces the record (the intent, completed with the id). The new text is written to a
    /// locked `….part` file and renamed over the record, so at every moment the record is
    /// whole and locked; a `.part` left by a kill is read by cleanup too.
    pub fn update(&mut self, entry: &Entry) -> std::io::Result<()> {
        let part = self.path.with_extension("json.part");
        let file = write_locked(&part, entry)?;
        fs::rename(&part, &self.path)?;
        self._file = file;
        Ok(())
    }
}

fn write_locked(path: &Path, entry: &Entry) -> std::io::Result<File> {
    let mut file = OpenOptions::new().create(true).write(true).truncate(true).open(path)?;
    file.lock()?;
    file.write_all(&serde_json::to_vec_pretty(entry).map_err(std::io::Error::other)?)?;
    file.flush()?;
    Ok(file)
}

/// A leftover found on disk, locked by us while it is dealt with.
#[derive(Debug)]
pub struct Leftover {
    pub entry: Entry,
    held: Held,
}

impl Leftover {
    pub fn release(self) {
        self.held.release();
    }
}

/// `$XDG_STATE_HOME/hookctl/registrations` (or the data dir where there is no state dir).
pub fn dir() -> Option<PathBuf> {
    dirs::state_dir().or_else(dirs::data_dir).map(|d| d.join("hookctl").join("registrations"))
}

/// Records a registration (or the intent to make one) and keeps its file locked until
/// [`Held::release`] or the end of the process. The file is locked before anything is
/// written, so a concurrent cleanup never takes the record of a live run.
pub fn record(dir: &Path, entry: &Entry) -> std::io::Result<Held> {
    fs::create_dir_all(dir)?;
    // The run's mark (or, for a record without one, the id and the API) names the file: two
    // APIs may hand out the same id, and one record must not overwrite the other.
    let name = if entry.run.is_empty() {
        format!("{}-{}-{:016x}.json", entry.provider, file_safe(&entry.id), fnv1a(&entry.base_url))
    } else {
        format!("{}-{}.json", entry.provider, file_safe(&entry.run))
    };
    let path = dir.join(name);
    let file = write_locked(&path, entry)?;
    Ok(Held { path, _file: file })
}

/// The records whose owner is gone (their lock could be taken), oldest first: whole records,
/// intents without an id, and records cut off mid-write (read up to where they stop). A file
/// that names no provider and API is skipped; a missing directory holds none, an unreadable
/// one is an error (saying "none" would hide leftovers).
pub fn find(dir: &Path) -> std::io::Result<Vec<Leftover>> {
    let items = match fs::read_dir(dir) {
        Ok(items) => items,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(e),
    };
    let mut found = Vec::new();
    for item in items.flatten() {
        let path = item.path();
        if !item.file_type().is_ok_and(|t| t.is_file()) {
            continue;
        }
        let Ok(file) = OpenOptions::new().read(true).write(true).open(&path) else { continue };
        if file.try_lock().is_err() {
            continue; // a live run holds it
        }
        let Some(entry) = fs::read(&path).ok().and_then(|b| parse(&b)) else { continue };
        found.push(Leftover { entry, held: Held { path, _file: file } });
    }
    found.sort_by(|a, b| a.entry.created_at.cmp(&b.entry.created_at));
    Ok(found)
}

/// A whole record, or what the complete lines of a cut-off one say (`"key": "value",`).
fn parse(bytes: &[u8]) -> Option<Entry> {
    if let Ok(e) = serde_json::from_slice::<Entry>(bytes) {
        return Some(e);
    }
    let text = String::from_utf8_lossy(bytes);
    let mut fields = serde_json::Map::new();
    for line in text.lines() {
        let line = line.trim().trim_end_matches(',');
        if let Ok(serde_json::Value::Object(one)) = serde_json::from_str(&format!("{{{line}}}")) {
            fields.extend(one);
        }
    }
    let get = |k: &str| fields.get(k).and_then(|v| v.as_str()).unwrap_or_default().to_string();
    let entry = Entry {
        provider: get("provider"),
        base_url: get("base_url"),
        run: get("run"),
        url: get("url"),
        created_at: get("created_at"),
        pid: fields.get("pid").and_then(serde_json::Value::as_u64).unwrap_or(0) as u32,
        id: get("id"),
    };
    // Without these nothing can be looked up.
    let usable = !entry.provider.is_empty()
        && !entry.base_url.is_empty()
        && (!entry.id.is_empty() || !entry.run.is_empty() || !entry.url.is_empty());
    usable.then_some(entry)
}

/// A stable hash (std's `DefaultHasher` may change between Rust versions, and a record must
/// keep its name across upgrades).
fn fnv1a(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

/// Endpoint ids may hold characters a file name cannot.
fn file_safe(id: &str) -> String {
    id.chars().map(|c| if c.is_ascii_alphanumeric() || c == '-' || c == '_' { c } else { '_' }).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(id: &str) -> Entry {
        Entry {
            provider: "closient".into(),
            base_url: "http://127.0.0.1:1/closient".into(),
            id: id.into(),
            run: String::new(),
            url: "http://127.0.0.1:2/".into(),
            created_at: "2026-01-01T00:00:00Z".into(),
            pid: 1,
        }
    }

    #[test]
    fn live_records_are_not_leftovers_and_released_ones_vanish() {
        let dir = tempfile::tempdir().unwrap();
        let held = record(dir.path(), &entry("a/b")).unwrap();
        assert!(find(dir.path()).unwrap().is_empty(), "a record locked by a live run is not a leftover");
        drop(held); // the process "died" without deleting: the lock is gone, the file stays
        let found = find(dir.path()).unwrap();
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].entry, entry("a/b"));
        // While one cleanup holds it, another does not see it.
        assert!(find(dir.path()).unwrap().is_empty());
        found.into_iter().for_each(Leftover::release);
        assert!(find(dir.path()).unwrap().is_empty());
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 0);
        assert!(find(&dir.path().join("none")).unwrap().is_empty(), "no directory: no leftovers");
        assert!(find(&dir.path().join("none/x")).is_ok());
        fs::write(dir.path().join("file"), "").unwrap();
        assert!(find(dir.path()).unwrap().is_empty(), "a file that names nothing is skipped");
        assert!(find(&dir.path().join("file")).is_err(), "an unreadable directory is not 'none'");
    }

    #[test]
    fn the_same_id_at_two_apis_makes_two_records() {
        let dir = tempfile::tempdir().unwrap();
        let mut other = entry("wh_1");
        other.base_url = "http://127.0.0.1:3/xpath".into();
        drop(record(dir.path(), &entry("wh_1")).unwrap());
        drop(record(dir.path(), &other).unwrap());
        let found: Vec<Entry> = find(dir.path()).unwrap().into_iter().map(|l| l.entry).collect();
        assert_eq!(found.len(), 2, "one record overwrote the other: {found:?}");
        assert!(found.contains(&entry("wh_1")) && found.contains(&other));
    }

    #[test]
    fn an_intent_completed_in_place_and_a_cut_record_is_still_read() {
        let dir = tempfile::tempdir().unwrap();
        let mut intent = entry("");
        intent.run = "r1".into();
        let mut held = record(dir.path(), &intent).unwrap();
        let mut done = intent.clone();
        done.id = "wh_9".into();
        held.update(&done).unwrap();
        assert!(find(dir.path()).unwrap().is_empty(), "still locked after the update");
        drop(held);
        let found = find(dir.path()).unwrap();
        assert_eq!(found.len(), 1, "the .part was renamed over the intent");
        assert_eq!(found[0].entry, done);
        drop(found);
        let text = serde_json::to_string_pretty(&done).unwrap();
        let cut = parse(&text.as_bytes()[..text.len() - 3]).unwrap();
        assert_eq!(cut.provider, "closient");
        assert_eq!(cut.run, "r1");
        assert!(parse(b"{\"provid").is_none());
    }
}
