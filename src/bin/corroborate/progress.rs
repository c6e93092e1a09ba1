//! Progress on standard error: a bar when stderr is a terminal, a line
//! every few seconds of a long stage when it is a log, nothing with
//! `--quiet`. Warnings go through here too so that they do not tear the
//! bar.

use std::io::IsTerminal;
use std::sync::mpsc::{self, RecvTimeoutError, Sender};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// How often a log gets a line while a stage runs.
const HEARTBEAT: Duration = Duration::from_secs(10);
/// Stages shorter than this leave no line in a log.
const LONG: Duration = Duration::from_secs(2);

pub struct Progress {
    mode: Mode,
}

enum Mode {
    Off,
    Bar(Option<ProgressBar>),
    Log(Option<Stage>),
}

/// A running stage in a log: its name, start, and the heartbeat thread.
struct Stage {
    name: String,
    started: Instant,
    stop: Sender<()>,
    thread: JoinHandle<()>,
}

impl Progress {
    /// Off with `quiet`; a bar on a terminal; a log otherwise.
    pub fn new(quiet: bool) -> Progress {
        let mode = if quiet {
            Mode::Off
        } else if std::io::stderr().is_terminal()
            && std::env::var_os("TERM").is_none_or(|t| t != "dumb")
        {
            Mode::Bar(None)
        } else {
            Mode::Log(None)
        };
        Progress { mode }
    }

    /// Starts a stage of `total` steps (a bar), or of unknown length
    /// (`None`: a spinner with the elapsed time).
    pub fn stage(&mut self, name: &str, total: Option<u64>) {
        self.finish();
        match &mut self.mode {
            Mode::Off => {}
            Mode::Bar(bar) => {
                let b = match total {
                    Some(n) => ProgressBar::with_draw_target(Some(n), ProgressDrawTarget::stderr())
                        .with_style(
                            ProgressStyle::with_template(
                                "{spinner} {msg} [{bar:30}] {pos}/{len} ({elapsed})",
                            )
                            .unwrap_or_else(|_| ProgressStyle::default_bar())
                            .progress_chars("=> "),
                        ),
                    None => ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr())
                        .with_style(
                            ProgressStyle::with_template("{spinner} {msg} ({elapsed})")
                                .unwrap_or_else(|_| ProgressStyle::default_spinner()),
                        ),
                };
                b.set_message(name.to_string());
                b.enable_steady_tick(Duration::from_millis(120));
                *bar = Some(b);
            }
            Mode::Log(stage) => {
                let (stop, wait) = mpsc::channel::<()>();
                let label = name.to_string();
                let started = Instant::now();
                // Until told to stop (or the sender is gone): a line per beat.
                let thread = std::thread::spawn(move || {
                    while let Err(RecvTimeoutError::Timeout) = wait.recv_timeout(HEARTBEAT) {
                        eprintln!("corroborate: {label}… {}s", started.elapsed().as_secs());
                    }
                });
                *stage = Some(Stage {
                    name: name.to_string(),
                    started,
                    stop,
                    thread,
                });
            }
        }
    }

    /// One step of the current stage done.
    pub fn step(&self) {
        if let Mode::Bar(Some(bar)) = &self.mode {
            bar.inc(1);
        }
    }

    /// Ends the current stage: clears the bar; in a log, one line when the
    /// stage was long.
    pub fn finish(&mut self) {
        match &mut self.mode {
            Mode::Off => {}
            Mode::Bar(bar) => {
                if let Some(b) = bar.take() {
                    b.finish_and_clear();
                }
            }
            Mode::Log(stage) => {
                if let Some(s) = stage.take() {
                    let _ = s.stop.send(());
                    let _ = s.thread.join();
                    let took = s.started.elapsed();
                    if took >= LONG {
                        eprintln!("corroborate: {} done in {:.1}s", s.name, took.as_secs_f64());
                    }
                }
            }
        }
    }

    /// A warning line on stderr (always, even when quiet), above the bar.
    pub fn warn(&self, line: &str) {
        match &self.mode {
            Mode::Bar(Some(bar)) => bar.suspend(|| eprintln!("{line}")),
            _ => eprintln!("{line}"),
        }
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        self.finish();
    }
}
