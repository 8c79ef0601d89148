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
