//! A small vendored snapshot of the Rhea entries the embedded data uses
//! (`data/rhea-snapshot.tsv`, with its date and sources in the file's header), and the
//! arithmetic of Rhea's groups of four ids.
//!
//! Rhea gives each reaction four ids: the master (direction-free), then master + 1
//! (left-to-right), master + 2 (right-to-left) and master + 3 (bidirectional). This holds for
//! all but one of the 13,528 groups of the 2021 Rhea copy the snapshot was checked against,
//! so a group listed in the snapshot is taken from the snapshot, and the arithmetic is used
//! only for masters the snapshot does not list.

use std::sync::LazyLock;

/// The snapshot file, as vendored.
pub const SNAPSHOT_TSV: &str = include_str!("../data/rhea-snapshot.tsv");

/// Which way a directed Rhea id runs relative to the master's equation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Way {
    /// Left to right (master + 1).
    LeftToRight,
    /// Right to left (master + 2).
    RightToLeft,
}

/// One Rhea entry of the snapshot.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// Master id.
    pub master: u32,
    /// Left-to-right id, where recorded.
    pub left_to_right: Option<u32>,
    /// Right-to-left id, where recorded.
    pub right_to_left: Option<u32>,
    /// Bidirectional id, where recorded.
    pub bidirectional: Option<u32>,
    /// ChEBI local ids of the left side.
    pub left: Vec<String>,
    /// ChEBI local ids of the right side.
    pub right: Vec<String>,
    /// The equation in words.
    pub equation: String,
}

impl Entry {
    /// Which way `id` runs, if it is this entry's left-to-right or right-to-left id. A slot the
    /// snapshot does not record falls back to the arithmetic (master + 1, master + 2).
    pub fn way(&self, id: u32) -> Option<Way> {
        let lr = self.left_to_right.unwrap_or(self.master + 1);
        let rl = self.right_to_left.unwrap_or(self.master + 2);
        if id == lr {
            Some(Way::LeftToRight)
        } else if id == rl {
            Some(Way::RightToLeft)
        } else {
            None
        }
    }

    /// The (consumed, produced) sides when the reaction runs `way`.
    pub fn sides(&self, way: Way) -> (&[String], &[String]) {
        match way {
            Way::LeftToRight => (&self.left, &self.right),
            Way::RightToLeft => (&self.right, &self.left),
        }
    }
}

/// Which way `direction` runs for `master` by the arithmetic alone.
pub fn way_by_arithmetic(master: u32, direction: u32) -> Option<Way> {
    if direction == master.checked_add(1)? {
        Some(Way::LeftToRight)
    } else if direction == master.checked_add(2)? {
        Some(Way::RightToLeft)
    } else {
        None
    }
}

fn parse_id(field: &str) -> Option<u32> {
    if field == "-" { None } else { field.parse().ok() }
}

/// The entries of the snapshot's text. A line that is not an entry (a `#` comment, the header,
/// a blank line) is skipped because it does not read as one: it has not seven fields, or its
/// first is not a number.
fn parse(text: &str) -> Vec<Entry> {
    text.lines()
        .filter_map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            let [master, lr, rl, bi, left, right, equation] = f.as_slice() else {
                return None;
            };
            let ids = |s: &str| s.split(';').filter(|x| !x.is_empty()).map(str::to_owned).collect();
            Some(Entry {
                master: master.parse().ok()?,
                left_to_right: parse_id(lr),
                right_to_left: parse_id(rl),
                bidirectional: parse_id(bi),
                left: ids(left),
                right: ids(right),
                equation: (*equation).to_owned(),
            })
        })
        .collect()
}

static SNAPSHOT: LazyLock<Vec<Entry>> = LazyLock::new(|| parse(SNAPSHOT_TSV));

/// Every entry of the snapshot.
pub fn snapshot() -> &'static [Entry] {
    &SNAPSHOT
}

/// The snapshot's entry for a master id.
pub fn entry(master: u32) -> Option<&'static Entry> {
    SNAPSHOT.iter().find(|e| e.master == master)
}

/// The snapshot's header lines (date and sources), without the leading `# `.
pub fn provenance() -> impl Iterator<Item = &'static str> {
    SNAPSHOT_TSV
        .lines()
        .take_while(|l| l.starts_with('#'))
        .map(|l| l.trim_start_matches('#').trim())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_line_of_the_snapshot_parses() {
        let rows = SNAPSHOT_TSV
            .lines()
            .filter(|l| !l.starts_with('#') && !l.starts_with("master\t") && !l.trim().is_empty())
            .count();
        assert_eq!(snapshot().len(), rows);
        assert!(rows >= 7);
        assert!(provenance().any(|l| l.contains("2026-11-30")));
    }

    #[test]
    fn only_entries_are_read() {
        let text = "# a comment\twith\tseven\tfields\tlike\tan\tentry\n\
                    master\tLR\tRL\tBI\tleft\tright\tequation\n\
                    \n\
                    \t\t\t\t\t\t\n\
                    43924\t43925\t-\t43927\tCHEBI:1;CHEBI:2\tCHEBI:3\tA + B = C\n";
        let entries = parse(text);
        assert_eq!(entries.len(), 1);
        let e = &entries[0];
        assert_eq!(
            (e.master, e.left_to_right, e.right_to_left, e.bidirectional),
            (43924, Some(43925), None, Some(43927))
        );
        assert_eq!(
            (e.left.as_slice(), e.right.as_slice()),
            (
                &["CHEBI:1".to_owned(), "CHEBI:2".to_owned()][..],
                &["CHEBI:3".to_owned()][..]
            )
        );
        assert_eq!(e.equation, "A + B = C");
    }

    #[test]
    fn recorded_groups_follow_the_arithmetic() {
        for e in snapshot() {
            for (slot, offset) in [(e.left_to_right, 1), (e.right_to_left, 2), (e.bidirectional, 3)] {
                if let Some(id) = slot {
                    assert_eq!(id, e.master + offset, "{}", e.master);
                }
            }
        }
        assert_eq!(way_by_arithmetic(43924, 43925), Some(Way::LeftToRight));
        assert_eq!(way_by_arithmetic(43924, 43926), Some(Way::RightToLeft));
        assert_eq!(way_by_arithmetic(43924, 43927), None);
    }

    #[test]
    fn an_entry_without_recorded_directions_falls_back_to_the_arithmetic() {
        let entry = Entry {
            master: 43924,
            left_to_right: None,
            right_to_left: None,
            bidirectional: None,
            left: Vec::new(),
            right: Vec::new(),
            equation: String::new(),
        };
        let ways: Vec<Option<Way>> = (43923..=43927).map(|id| entry.way(id)).collect();
        assert_eq!(ways, [None, None, Some(Way::LeftToRight), Some(Way::RightToLeft), None]);
    }
}
