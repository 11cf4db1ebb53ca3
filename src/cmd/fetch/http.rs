//! The requests of a run to an open-data service: paced, each address asked once, a timeout,
//! and no more asked of a service that did not answer.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use crate::view::i18n::Lang;
use crate::view::messages::{ImportMsg, Words};

/// The least time between two requests to a service: at most four a second.
const PACE: Duration = Duration::from_millis(250);

/// The most pages of one answer followed (5000 values a page).
pub(super) const MAX_PAGES: usize = 20;

/// The largest answer read.
pub(super) const MAX_BODY: u64 = 16 * 1024 * 1024;

/// The requests of one run: paced, each address asked once, and no more asked of a service
/// that did not answer.
pub(super) struct Http {
    agent: ureq::Agent,
    timeout: Duration,
    last: Option<Instant>,
    cache: HashMap<String, Result<String, String>>,
    /// Why the service could not be reached, once it could not.
    down: Option<String>,
    /// The language of the reasons.
    lang: Lang,
}

impl Http {
    pub(super) fn new(timeout: Duration, lang: Lang) -> Http {
        let agent = ureq::Agent::config_builder()
            .timeout_global(Some(timeout))
            .http_status_as_error(false)
            .user_agent(concat!("pledge/", env!("CARGO_PKG_VERSION")))
            .build()
            .into();
        Http {
            agent,
            timeout,
            last: None,
            cache: HashMap::new(),
            down: None,
            lang,
        }
    }

    /// The body of a 200 answer, or why there is none (one line).
    pub(super) fn get(&mut self, url: &str) -> Result<String, String> {
        if let Some(hit) = self.cache.get(url) {
            return hit.clone();
        }
        if let Some(why) = &self.down {
            return Err(ImportMsg::NotAsked(why).say(self.lang));
        }
        if let Some(last) = self.last {
            let since = last.elapsed();
            if since < PACE {
                std::thread::sleep(PACE - since);
            }
        }
        self.last = Some(Instant::now());
        let got = self.request(url);
        self.cache.insert(url.to_string(), got.clone());
        got
    }

    fn request(&mut self, url: &str) -> Result<String, String> {
        let answer = self
            .agent
            .get(url)
            .header("Accept", "application/json")
            .call();
        let mut resp = match answer {
            Ok(r) => r,
            Err(e) => {
                let secs = self.timeout.as_secs_f64();
                let why = match e {
                    ureq::Error::Timeout(_) => ImportMsg::NoAnswerWithin(secs).say(self.lang),
                    ureq::Error::HostNotFound => ImportMsg::HostNotFound.say(self.lang),
                    ureq::Error::ConnectionFailed => ImportMsg::CannotConnect.say(self.lang),
                    ureq::Error::Io(io) => {
                        ImportMsg::CannotConnectIo(&io.to_string()).say(self.lang)
                    }
                    other => other.to_string(),
                };
                self.down = Some(why.clone());
                return Err(why);
            }
        };
        let status = resp.status().as_u16();
        let body = resp
            .body_mut()
            .with_config()
            .limit(MAX_BODY)
            .read_to_string();
        if status != 200 {
            return Err(ImportMsg::HttpStatus(status).say(self.lang));
        }
        body.map_err(|e| match e {
            ureq::Error::Timeout(_) => {
                ImportMsg::NoCompleteAnswerWithin(self.timeout.as_secs_f64()).say(self.lang)
            }
            other => ImportMsg::AnswerUnreadable(&other.to_string()).say(self.lang),
        })
    }
}
