//! Sending a probe's requests: to the one URL given, one at a time, in order, never
//! following a redirect. The only I/O of the probe.

use std::time::{Duration, Instant};

use super::check::Check;
use super::plan::Probe;
use crate::outbound::{self, HeaderCase};
use crate::Result;

/// What came back for one check.
#[derive(Debug, Clone)]
pub(crate) enum Reply {
    Answered(Answered),
    /// Not sent; the reason says why (the replay of a delivery that was not accepted).
    Skipped(&'static str),
}

/// The handler's answer to one request.
#[derive(Debug, Clone)]
pub(crate) struct Answered {
    pub status: u16,
    /// The start of the answer's body, as text (lossy), not yet sanitised.
    pub body: String,
    pub location: Option<String>,
    pub elapsed: Duration,
}

impl Answered {
    pub(crate) fn accepted(&self) -> bool {
        (200..300).contains(&self.status)
    }
}

/// How much of an answer the report keeps.
const KEPT: usize = 1024;

/// Where and how to send.
pub(crate) struct Target {
    pub url: reqwest::Url,
    pub timeout: Duration,
    /// The handler's tolerance: a replay later than this after the first delivery would be
    /// refused as stale, which says nothing about replays.
    pub tolerance: Duration,
}

/// Sends every probe in order and returns what came back, one entry per probe. A handler
/// that cannot be reached (or does not answer in time) ends the run: exit 5, naming the check.
/// `progress` is told before each request (check, its 0-based position).
pub(crate) async fn run(
    target: &Target,
    probes: &[Probe],
    mut progress: impl FnMut(&Probe, usize),
) -> Result<Vec<Reply>> {
    let lower = outbound::client(&target.url, target.timeout, HeaderCase::Lower)?;
    let title = outbound::client(&target.url, target.timeout, HeaderCase::TitleCase)?;
    let mut results: Vec<Reply> = Vec::with_capacity(probes.len());
    let mut first_accepted: Option<Instant> = None;
    for (i, probe) in probes.iter().enumerate() {
        if probe.check == Check::ReplayedDelivery {
            let Some(at) = first_accepted else {
                results.push(Reply::Skipped(
                    "the first delivery was not accepted, so there is nothing to replay",
                ));
                continue;
            };
            if at.elapsed() >= target.tolerance {
                results.push(Reply::Skipped("the first delivery is older than the tolerance by now"));
                continue;
            }
        }
        progress(probe, i);
        let client = if probe.request.title_case { &title } else { &lower };
        let started = Instant::now();
        let answer = outbound::post(client, &target.url, &probe.request.headers, probe.request.body.clone())
            .await
            .map_err(|e| {
                e.context(format!("check {} of {} ({})", i + 1, probes.len(), probe.check.name()))
            })?;
        let answered = Answered {
            status: answer.status.as_u16(),
            body: kept(&answer.body),
            location: answer.location,
            elapsed: started.elapsed(),
        };
        if probe.check == Check::ValidSignature && answered.accepted() {
            first_accepted = Some(started);
        }
        results.push(Reply::Answered(answered));
    }
    Ok(results)
}

/// The first [`KEPT`] bytes of an answer as text, cut at a character boundary.
fn kept(body: &[u8]) -> String {
    let text = String::from_utf8_lossy(&body[..body.len().min(KEPT + 4)]);
    let mut end = text.len().min(KEPT);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let mut out = text[..end].to_string();
    if body.len() > end {
        out.push('…');
    }
    out
}
