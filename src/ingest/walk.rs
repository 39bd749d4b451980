//! Walking a directory: every file below it, in sorted path order, hidden
//! files and directories left out.

use std::fs;
use std::path::{Path, PathBuf};

use super::{ReadError, Skipped};

/// Every file below `directory` (recursively), sorted by path (children are
/// sorted by name and visited depth first, which is path order), or why a
/// path could not be listed. Entries whose name starts with `.` are left
/// out, and links to directories are not followed (no cycles).
pub(crate) fn files(directory: &Path) -> Vec<Result<PathBuf, Skipped>> {
    let mut found = Vec::new();
    visit(directory, &mut found);
    found
}

fn visit(directory: &Path, found: &mut Vec<Result<PathBuf, Skipped>>) {
    let entries = match fs::read_dir(directory) {
        Ok(entries) => entries,
        Err(error) => {
            skip(found, directory, ReadError::from(error).to_string());
            return;
        }
    };
    let mut children = Vec::new();
    for entry in entries {
        match entry {
            Ok(entry) => children.push(entry),
            Err(error) => skip(found, directory, ReadError::from(error).to_string()),
        }
    }
    children.sort_by_key(|entry| entry.file_name());
    for entry in children {
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        let path = entry.path();
        let Ok(file_type) = entry.file_type() else {
            skip(found, &path, "cannot tell its file type".to_string());
            continue;
        };
        if file_type.is_dir() {
            visit(&path, found);
        } else if file_type.is_symlink() {
            match fs::metadata(&path) {
                Ok(target) if target.is_dir() => {
                    skip(
                        found,
                        &path,
                        "link to a directory (not followed)".to_string(),
                    );
                }
                Ok(_) => found.push(Ok(path)),
                Err(error) => skip(found, &path, ReadError::from(error).to_string()),
            }
        } else {
            found.push(Ok(path));
        }
    }
}

fn skip(found: &mut Vec<Result<PathBuf, Skipped>>, path: &Path, reason: String) {
    found.push(Err(Skipped {
        path: path.to_string_lossy().into_owned(),
        reason,
    }));
}
