//! The HTML page in a real browser: headless Chromium renders the seed
//! comparison at laptop and phone widths without console errors (which
//! include any blocked attempt to load something from outside), without
//! sideways scrolling, and the screenshots are pictures with content.
//!
//! Chromium is looked up as `$CORROBORATE_CHROMIUM`, then `chromium`,
//! `chromium-browser`, `google-chrome`, `google-chrome-stable` or
//! `headless_shell` on `PATH`. Without one the test passes after printing
//! why it skipped (`.ci/run` installs Debian's `chromium` when it can).

use std::fs::File;
use std::io::{BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const NAMES: &[&str] = &[
    "chromium",
    "chromium-browser",
    "google-chrome",
    "google-chrome-stable",
    "headless_shell",
];

fn find_chromium() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("CORROBORATE_CHROMIUM") {
        return Some(PathBuf::from(p));
    }
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .flat_map(|dir| NAMES.iter().map(move |n| dir.join(n)))
        .find(|p| p.is_file())
}

/// Printed past the test harness's capture, so that a skip is seen.
fn say(line: &str) {
    let _ = writeln!(std::io::stderr().lock(), "{line}");
}

struct Browser {
    exe: PathBuf,
    work: PathBuf,
    runs: usize,
}

/// What one Chromium run left: its console lines.
struct Run {
    console: Vec<String>,
}

impl Browser {
    /// Runs Chromium headless on `page` with `extra` arguments; fails the
    /// test when it does not finish within a minute.
    fn run(&mut self, page: &Path, extra: &[String]) -> Run {
        self.runs += 1;
        let log = self.work.join(format!("chromium-{}.log", self.runs));
        let profile = self.work.join(format!("profile-{}", self.runs));
        let mut child = Command::new(&self.exe)
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--hide-scrollbars",
                "--enable-logging=stderr",
                "--v=0",
            ])
            .arg(format!("--user-data-dir={}", profile.display()))
            .args(extra)
            .arg(format!("file://{}", page.display()))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(File::create(&log).unwrap())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {}: {e}", self.exe.display()));
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            if child.try_wait().unwrap().is_some() {
                break;
            }
            if Instant::now() > deadline {
                let _ = child.kill();
                let _ = child.wait();
                panic!("{} did not finish within 60 s", self.exe.display());
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let text = std::fs::read_to_string(&log).unwrap_or_default();
        Run {
            console: text
                .lines()
                .filter(|l| l.contains(":CONSOLE"))
                .map(str::to_string)
                .collect(),
        }
    }

    /// A screenshot of `page` at `width`×`height`; returns the console lines.
    fn screenshot(&mut self, page: &Path, png: &Path, width: u32, height: u32) -> Run {
        let _ = std::fs::remove_file(png);
        let run = self.run(
            page,
            &[
                format!("--screenshot={}", png.display()),
                format!("--window-size={width},{height}"),
            ],
        );
        assert!(png.is_file(), "no screenshot at {}", png.display());
        run
    }
}

/// Checks a screenshot: the right size, and content rather than a blank
/// or uniform picture.
fn check_picture(png: &Path, width: u32, height: u32) {
    let size = std::fs::metadata(png).unwrap().len();
    assert!(size > 10_000, "{}: only {size} bytes", png.display());
    let mut decoder = png::Decoder::new(BufReader::new(File::open(png).unwrap()));
    decoder.set_transformations(png::Transformations::EXPAND | png::Transformations::STRIP_16);
    let mut reader = decoder.read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buf).unwrap();
    assert_eq!((info.width, info.height), (width, height));
    let channels = info.color_type.samples();
    let pixels: Vec<&[u8]> = buf[..info.buffer_size()]
        .chunks(channels)
        .map(|p| &p[..3.min(channels)])
        .collect();
    let background = pixels[0];
    let inked = pixels.iter().filter(|p| **p != background).count();
    let share = inked as f64 / pixels.len() as f64;
    assert!(
        share > 0.03,
        "{}: {:.1}% of pixels differ from the background",
        png.display(),
        share * 100.0
    );
    let mut colours: Vec<&[u8]> = pixels.iter().step_by(7).copied().collect();
    colours.sort_unstable();
    colours.dedup();
    assert!(
        colours.len() > 50,
        "{}: {} colours",
        png.display(),
        colours.len()
    );
    // Content all the way down, not one line at the top.
    let rows = info.height as usize;
    let row_len = info.width as usize;
    let bands_with_ink = (0..10)
        .filter(|band| {
            let rows = band * rows / 10..(band + 1) * rows / 10;
            rows.into_iter().any(|r| {
                pixels[r * row_len..(r + 1) * row_len]
                    .iter()
                    .any(|p| *p != background)
            })
        })
        .count();
    assert!(
        bands_with_ink >= 8,
        "{}: ink in {bands_with_ink} of 10 bands",
        png.display()
    );
}

/// A copy of the page with a script (allowed for this copy only) that
/// reports layout problems as console errors.
fn probe(html: &str) -> String {
    const CSP: &str = "default-src 'none'; style-src 'unsafe-inline'";
    assert!(html.contains(CSP));
    let script = "<script>(function () {\
        var d = document.documentElement;\
        if (d.scrollWidth > window.innerWidth + 1) console.error('sideways scrolling: ' + d.scrollWidth + 'px wide in a ' + window.innerWidth + 'px window');\
        var events = document.querySelectorAll('section.event').length;\
        if (events !== 2) console.error('expected 2 events, found ' + events);\
        for (var i = 1; i <= 2; i++) {\
          var e = document.getElementById('e' + i);\
          if (!e || !e.querySelector('.claim.differs .versions del, .claim.differs .versions ins')) console.error('event ' + i + ': no marked quote variant');\
          if (e && e.querySelectorAll('.claim').length !== e.querySelectorAll('[data-claim]').length) console.error('event ' + i + ': a claim block without its id');\
        }\
        var claim = document.querySelector('.claim.differs');\
        var columns = claim ? claim.querySelectorAll('.version') : [];\
        if (window.innerWidth >= 1000 && columns.length > 1 && columns[0].getBoundingClientRect().top !== columns[1].getBoundingClientRect().top) console.error('versions are not side by side');\
        if (window.innerWidth < 500 && columns.length > 1 && columns[0].getBoundingClientRect().left !== columns[1].getBoundingClientRect().left) console.error('versions are not in one column on a phone');\
        if (claim && !claim.querySelector('.changes del, .changes ins')) console.error('the first claim with differences shows no changes');\
        var shown = document.querySelector('.versions ins');\
        if (shown && shown.getBoundingClientRect().width < 1) console.error('marked words are not drawn');\
      })();</script>";
    html.replace(CSP, &format!("{CSP}; script-src 'unsafe-inline'"))
        .replace("</body>", &format!("{script}</body>"))
}

/// A page showing `target` in a frame `width` CSS pixels wide.
fn phone(work: &Path, target: &Path, width: u32, height: u32) -> PathBuf {
    let name = target.file_name().unwrap().to_string_lossy();
    let frame = work.join(format!("phone-{width}-{name}"));
    std::fs::write(
        &frame,
        format!(
            "<!DOCTYPE html><html><body style=\"margin:0\">\
             <iframe src=\"{name}\" style=\"border:0;display:block;width:{width}px;height:{height}px\"></iframe>\
             </body></html>"
        ),
    )
    .unwrap();
    frame
}

#[test]
fn the_seed_comparison_renders_in_chromium() {
    let Some(exe) = find_chromium() else {
        say("SKIPPED browser test: no Chromium found (install Debian's `chromium`, or set CORROBORATE_CHROMIUM to a Chrome or Chromium binary)");
        return;
    };
    let work = std::env::temp_dir().join(format!("corroborate-browser-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&work);
    std::fs::create_dir_all(&work).unwrap();
    let seeds = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/seeds");
    let page = work.join("seeds.html");
    let out = Command::new(env!("CARGO_BIN_EXE_corroborate"))
        .args(["compare", "--format", "html", "--quiet", "-o"])
        .arg(&page)
        .arg(seeds)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let html = std::fs::read_to_string(&page).unwrap();
    let mut browser = Browser {
        exe,
        work: work.clone(),
        runs: 0,
    };

    // The console check sees errors: a deliberate one is reported.
    let broken = work.join("broken.html");
    std::fs::write(
        &broken,
        probe(&html).replace(
            "</body>",
            "<script>console.error('deliberate');</script></body>",
        ),
    )
    .unwrap();
    let run = browser.screenshot(&broken, &work.join("broken.png"), 800, 600);
    assert!(
        run.console.iter().any(|l| l.contains("deliberate")),
        "console errors are not seen: {:?}",
        run.console
    );

    // The page itself: no console message at all (a blocked load would be
    // one), and a screenshot with content at laptop and phone widths.
    // Headless windows are at least 500 px wide, so a phone is a frame of
    // its width inside the window.
    let probed = work.join("probe.html");
    std::fs::write(&probed, probe(&html)).unwrap();
    for (width, height) in [(1280, 2000), (390, 1600), (320, 1200)] {
        for (name, target) in [("seeds", &page), ("probe", &probed)] {
            let shown = if width < 500 {
                phone(&work, target, width, height)
            } else {
                target.to_path_buf()
            };
            let png = work.join(format!("{name}-{width}.png"));
            let run = browser.screenshot(&shown, &png, width, height);
            assert!(
                run.console.is_empty(),
                "{name} at {width}px: {:?}",
                run.console
            );
            check_picture(&png, width, height);
        }
    }
    say(&format!(
        "browser test: {} rendered the seed comparison; screenshots in {}",
        browser.exe.display(),
        work.display()
    ));
}
