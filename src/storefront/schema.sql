-- The storefront's own data (storefront/mod.rs).

-- A signed-in shopper's wishlist, newest first, as the JSON array of saved items the guest's
-- cookie holds (api/wishlist.rs): one row per owner, read and written whole.
CREATE TABLE IF NOT EXISTS wishlists (
  owner      TEXT PRIMARY KEY,          -- 'customer:<backend customer id>'
  items      TEXT NOT NULL,
  updated_at INTEGER NOT NULL
);

-- A wishlist shared as a read-only link: a copy of the list as it was when shared (the link
-- names no one, and later changes to the list stay private).
CREATE TABLE IF NOT EXISTS wishlist_shares (
  token      TEXT PRIMARY KEY,          -- 128 random bits, hex
  items      TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS wishlist_shares_by_age ON wishlist_shares(created_at);

-- Reviews from verified buyers (storefront/reviews.rs): one per product per order, keyed by
-- the backend's product handle (Vendure: its slug) and order code. Only 'published' ones are
-- shown; 'pending' wait for the owner (moderation on), 'held' for a look (spam, reports).
CREATE TABLE IF NOT EXISTS reviews (
  id          INTEGER PRIMARY KEY,
  product     TEXT NOT NULL,
  order_code  TEXT NOT NULL,
  variant     TEXT NOT NULL,            -- what was bought, "M / Ink"
  stars       INTEGER NOT NULL CHECK (stars BETWEEN 1 AND 5),
  title       TEXT NOT NULL,
  body        TEXT NOT NULL,
  fingerprint TEXT NOT NULL,            -- the text without case, spaces or punctuation
  name        TEXT NOT NULL,            -- as the buyer chose to be shown
  lang        TEXT NOT NULL,
  standing    TEXT NOT NULL CHECK (standing IN ('published', 'pending', 'held', 'rejected')),
  helpful     INTEGER NOT NULL DEFAULT 0,
  reports     INTEGER NOT NULL DEFAULT 0,
  created_at  INTEGER NOT NULL,
  updated_at  INTEGER NOT NULL,
  UNIQUE (product, order_code)
);
CREATE INDEX IF NOT EXISTS reviews_by_product ON reviews(product, standing);
CREATE INDEX IF NOT EXISTS reviews_by_fingerprint ON reviews(fingerprint);

-- One "Helpful" and one report per shopper (a random id in the store's own cookie) and review.
CREATE TABLE IF NOT EXISTS review_votes (
  review_id INTEGER NOT NULL,
  voter     TEXT NOT NULL,
  kind      TEXT NOT NULL CHECK (kind IN ('helpful', 'report')),
  at        INTEGER NOT NULL,
  PRIMARY KEY (review_id, voter, kind)
);

CREATE TABLE IF NOT EXISTS meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

-- What a buyer last typed into a review form that was refused, so a plain form post (no
-- JavaScript) that comes back with a reason loses none of it. Dropped once a review is kept.
CREATE TABLE IF NOT EXISTS review_drafts (
  product    TEXT NOT NULL,
  order_code TEXT NOT NULL,
  fields     TEXT NOT NULL,             -- JSON [stars, title, text, name] as typed
  at         INTEGER NOT NULL,
  PRIMARY KEY (product, order_code)
);

-- Bundle discounts the store owner declared (storefront/bundles.rs): every complete set of
-- these products in a cart costs `percent` less. The embedded store charges them as the cart
-- shows them; on Vendure each is a Vendure promotion, checked when it is declared.
CREATE TABLE IF NOT EXISTS bundles (
  id         INTEGER PRIMARY KEY,
  products   TEXT NOT NULL UNIQUE,      -- JSON array of product handles, sorted
  percent    INTEGER NOT NULL CHECK (percent BETWEEN 1 AND 50),
  created_at INTEGER NOT NULL
);

-- The funnel's steps as the server saw them (storefront/events.rs, analytics/): written in
-- batches by one thread, never on a request's path. `visitor` only with consent.
CREATE TABLE IF NOT EXISTS events (
  id       INTEGER PRIMARY KEY,
  at       INTEGER NOT NULL,
  step     TEXT NOT NULL,
  page     TEXT NOT NULL DEFAULT '',
  subject  TEXT NOT NULL DEFAULT '',
  value    INTEGER NOT NULL DEFAULT 0,
  currency TEXT NOT NULL DEFAULT '',
  visitor  TEXT
);
CREATE INDEX IF NOT EXISTS events_by_time ON events(at, step);
-- A visitor's steps in order: the privacy centre's list, and an experiment's conversions.
DROP INDEX IF EXISTS events_by_visitor;
CREATE INDEX IF NOT EXISTS events_by_visitor_step ON events(visitor, step, at) WHERE visitor IS NOT NULL;

-- Steps older than the retention period (90 days unless VITRINE_EVENT_RETENTION_DAYS says
-- otherwise), as daily counts without any visitor id (storefront/rollup.rs). An order keeps
-- its own row (subject: its code), so that orders are still counted once.
CREATE TABLE IF NOT EXISTS daily (
  day      INTEGER NOT NULL,
  step     TEXT NOT NULL,
  page     TEXT NOT NULL,
  subject  TEXT NOT NULL,
  currency TEXT NOT NULL,
  n        INTEGER NOT NULL,
  value    INTEGER NOT NULL,
  PRIMARY KEY (day, step, page, subject, currency)
);

-- What instances share (storefront/shared.rs), when they share this file: one row per
-- counted attempt at something guessable (a lookup, a sign-in), under a hashed key.
CREATE TABLE IF NOT EXISTS limit_counts (
  name TEXT NOT NULL,                   -- which limit ('attempts', 'votes')
  key  TEXT NOT NULL,                   -- 16 bytes of SHA-256, hex
  at   INTEGER NOT NULL                 -- Unix ms
);
CREATE INDEX IF NOT EXISTS limit_counts_by_key ON limit_counts(name, key, at);
CREATE INDEX IF NOT EXISTS limit_counts_by_age ON limit_counts(at);

-- Checkout attempts being placed or placed: a double click on two instances makes one order.
CREATE TABLE IF NOT EXISTS placements (
  key        TEXT PRIMARY KEY,          -- the signed attempt key
  order_code TEXT,                      -- NULL while it is being placed
  started    INTEGER NOT NULL           -- Unix ms; a claim older than the lease is taken over
);
CREATE INDEX IF NOT EXISTS placements_by_age ON placements(started);
-- The backend order a checkout attempt was about to pay for: an instance that takes over a
-- dead one's attempt asks the backend what became of it before paying again.
CREATE TABLE IF NOT EXISTS attempt_orders (
  key        TEXT PRIMARY KEY,          -- the signed attempt key
  order_code TEXT NOT NULL,             -- the backend's order (Vendure's active order)
  at         INTEGER NOT NULL           -- Unix ms
);
CREATE INDEX IF NOT EXISTS attempt_orders_by_age ON attempt_orders(at);
