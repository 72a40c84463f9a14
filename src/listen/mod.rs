//! The local receiver of DESIGN §4 (filled in by the listen issue).
