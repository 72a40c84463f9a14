//! The record of temporary registrations: one small JSON file per live registration in the
//! user's state directory, locked by the process that owns it. A file whose lock can be taken
//! belongs to a run that ended without deleting its endpoint (killed, network down): a leftover.

use std::fs::{self, File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

/// One registration, as recorded. No token or secret is stored: cleanup uses the current
/// credentials.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct Entry {
    pub provider: String,
    /// The API's base URL with any password shown as `***` (the record is no place for it).
    pub base_url: String,
    pub id: String,
    /// The URL the endpoint pointed at.
    pub url: String,
    /// RFC 3339.
    pub created_at: String,
    pub pid: u32,
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

/// Records a registration and keeps its file locked until [`Held::release`] or the end of the
/// process. Written under a hidden name and renamed once locked, so a concurrent cleanup
/// never sees an unlocked record of a live run.
pub fn record(dir: &Path, entry: &Entry) -> std::io::Result<Held> {
    fs::create_dir_all(dir)?;
    // The base URL is in the name too: two APIs (two sandboxes, staging and production) may
    // hand out the same id, and one record must not overwrite the other.
    let name = format!("{}-{}-{:016x}.json", entry.provider, file_safe(&entry.id), fnv1a(&entry.base_url));
    let tmp = dir.join(format!(".{name}.{}", std::process::id()));
    let mut file = OpenOptions::new().create(true).write(true).truncate(true).open(&tmp)?;
    file.lock()?;
    file.write_all(&serde_json::to_vec_pretty(entry).map_err(std::io::Error::other)?)?;
    file.flush()?;
    let path = dir.join(name);
    fs::rename(&tmp, &path)?;
    Ok(Held { path, _file: file })
}

/// The records whose owner is gone (their lock could be taken), oldest first. Unreadable
/// files are skipped (a half-written record cannot name an endpoint); a missing directory
/// holds none, an unreadable one is an error (saying "none" would hide leftovers).
pub fn find(dir: &Path) -> std::io::Result<Vec<Leftover>> {
    let items = match fs::read_dir(dir) {
        Ok(items) => items,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(e),
    };
    let mut found = Vec::new();
    for item in items.flatten() {
        let path = item.path();
        let name = item.file_name().to_string_lossy().to_string();
        if name.starts_with('.') || !name.ends_with(".json") {
            continue;
        }
        let Ok(file) = OpenOptions::new().read(true).write(true).open(&path) else { continue };
        if file.try_lock().is_err() {
            continue; // a live run holds it
        }
        let Ok(entry) =
            fs::read(&path).map_err(|_| ()).and_then(|b| serde_json::from_slice::<Entry>(&b).map_err(|_| ()))
        else {
            continue;
        };
        found.push(Leftover { entry, held: Held { path, _file: file } });
    }
    found.sort_by(|a, b| a.entry.created_at.cmp(&b.entry.created_at));
    Ok(found)
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
}
