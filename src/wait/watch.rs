//! The wait on the wall clock with Ctrl-C and the printer: row lines and a spinner on a TTY.

use std::future::Future;
use std::time::Duration;

use colored::Color;

use super::clock::RealClock;
use super::poll::{wait, Observer, PollError};
use super::report::WaitReport;
use super::rows::{Row, RowState};
use super::schedule::Schedule;
use super::spec::WaitSpec;
use crate::output::Printer;
use crate::Result;

// ---------------------------------------------------------------------------------------------
// Real-time wait with the printer
// ---------------------------------------------------------------------------------------------

/// [`wait`] on the wall clock, ended early by Ctrl-C or SIGTERM (→ [`WaitOutcome::Interrupted`], exit
/// 130). Human output: one line per row on stdout as it appears or settles, a spinner on
/// stderr when a person watches; `--json` prints nothing until [`WaitReport::print`].
pub async fn watch<P, Fut>(printer: &Printer, spec: &WaitSpec, poll: P) -> Result<WaitReport>
where
    P: FnMut() -> Fut,
    Fut: Future<Output = std::result::Result<Vec<Row>, PollError>>,
{
    let mut observer = PrinterObserver::new(printer, spec.expected);
    // Ctrl-C or SIGTERM (a CI runner cancelling the step): the same message, document and
    // exit code 130, instead of a silent kill.
    let interrupt = crate::net::wait_for_signal();
    let report = wait(spec, &RealClock::new(), &mut Schedule::new(), poll, &mut observer, interrupt).await;
    observer.finish();
    report
}

/// Prints rows as they appear and drives the spinner.
pub(crate) struct PrinterObserver<'a> {
    printer: &'a Printer,
    spinner: Option<indicatif::ProgressBar>,
}

impl<'a> PrinterObserver<'a> {
    pub fn new(printer: &'a Printer, expected: usize) -> Self {
        let spinner = printer.show_progress().then(|| {
            let pb = indicatif::ProgressBar::new_spinner();
            pb.enable_steady_tick(Duration::from_millis(120));
            pb.set_message(format!("waiting for {expected} row(s)…"));
            pb
        });
        PrinterObserver { printer, spinner }
    }

    fn out(&self, f: impl FnOnce()) {
        match &self.spinner {
            Some(pb) => pb.suspend(f),
            None => f(),
        }
    }

    pub fn finish(&mut self) {
        if let Some(pb) = self.spinner.take() {
            pb.finish_and_clear();
        }
    }
}

impl Observer for PrinterObserver<'_> {
    fn polled(&mut self, polls: u32, elapsed: Duration, seen: usize, expected: usize) {
        if let Some(pb) = &self.spinner {
            pb.set_message(format!(
                "waiting: {seen} of {expected} row(s) seen, {polls} polls, {:.1}s",
                elapsed.as_secs_f64()
            ));
        }
    }

    fn row(&mut self, row: &Row, _first: bool) {
        if self.printer.is_json() {
            return;
        }
        let color = match row.state {
            RowState::Delivered => Color::Green,
            RowState::Failed => Color::Red,
            RowState::Pending => Color::Yellow,
        };
        let line = row.summary();
        let (state, rest) = line.split_at(line.find(' ').unwrap_or(line.len()));
        let text = format!("{}{rest}", self.printer.paint(state, color));
        self.out(|| self.printer.line(&text));
    }

    fn transient(&mut self, message: &str) {
        let text = format!("poll failed, will retry: {message}");
        self.out(|| self.printer.debug(&text));
    }
}
