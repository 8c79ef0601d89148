//! Every word the shopper reads, in one place, so the store can be translated later.

use crate::api::ApiError;

pub const STORE_NAME: &str = "Vitrine";
pub const STORE_TAGLINE: &str = "Well-made things for everyday life";
pub const SKIP_TO_CONTENT: &str = "Skip to content";
pub const NAV_LABEL: &str = "Categories";
pub const HOME: &str = "Home";

pub const HERO_TITLE: &str = "Made to be used, every day";
pub const HERO_TEXT: &str =
    "Clothing, kitchen and home goods from independent makers. Free returns within 30 days.";
pub const HERO_CTA: &str = "See what's featured";
pub const SHOP_BY_CATEGORY: &str = "Shop by category";
pub const FEATURED: &str = "Featured";

pub const SOLD_OUT: &str = "Sold out";
pub const SALE: &str = "Sale";
pub const FROM: &str = "From";
pub const REGULAR_PRICE: &str = "Regular price";
pub const SALE_PRICE: &str = "Sale price";
pub const QUANTITY: &str = "Quantity";
pub const ADD_TO_CART: &str = "Add to cart";
pub const ADDING: &str = "Adding…";
pub const UNAVAILABLE_COMBINATION: &str = "Unavailable";
pub const DESCRIPTION: &str = "Description";
pub const PRODUCT_IMAGES: &str = "Product images";

pub const CART: &str = "Cart";
pub const YOUR_CART: &str = "Your cart";
pub const CART_EMPTY: &str = "Your cart is empty.";
pub const CART_EMPTY_HINT: &str = "Browse a category to find something you'll love.";
pub const CONTINUE_SHOPPING: &str = "Continue shopping";
pub const SUBTOTAL: &str = "Subtotal";
pub const SHIPPING_AT_CHECKOUT: &str = "Shipping and taxes are shown before you pay.";
pub const VIEW_CART: &str = "View cart";
pub const CLOSE: &str = "Close";
pub const UPDATE: &str = "Update";
pub const REMOVE: &str = "Remove";
pub const ADDED_TO_CART: &str = "Added to your cart";
pub const CART_EXPIRED: &str = "Your cart has expired. Please add the item again.";
pub const CHOOSE_OPTION: &str = "Please choose an available option.";

pub const PAGINATION: &str = "Pagination";
pub const PREVIOUS: &str = "Previous";
pub const NEXT: &str = "Next";

pub const NOT_FOUND_TITLE: &str = "Page not found";
pub const NOT_FOUND_TEXT: &str =
    "We couldn't find that page. It may have moved, or the link may be mistyped.";
pub const ERROR_TITLE: &str = "Something went wrong";
pub const BACK_HOME: &str = "Back to the home page";
pub const LOADING: &str = "Loading…";
pub const FOOTER_NOTE: &str = "Prices include VAT where applicable. Free returns within 30 days.";

pub fn cart_count_label(count: u32) -> String {
    match count {
        0 => "Cart, empty".into(),
        1 => "Cart, 1 item".into(),
        n => format!("Cart, {n} items"),
    }
}

pub fn items(count: u32) -> String {
    if count == 1 {
        "1 item".into()
    } else {
        format!("{count} items")
    }
}

pub fn products_count(count: u32) -> String {
    if count == 1 {
        "1 product".into()
    } else {
        format!("{count} products")
    }
}

pub fn page_of(page: u32, pages: u32) -> String {
    format!("Page {page} of {pages}")
}

pub fn percent_off(pct: u32) -> String {
    format!("−{pct}%")
}

pub fn only_left(n: u32) -> String {
    format!("Only {n} left")
}

pub const IN_STOCK: &str = "In stock";

pub fn quantity_of(name: &str) -> String {
    format!("Quantity of {name}")
}

pub fn remove_item(name: &str) -> String {
    format!("Remove {name}")
}

pub fn quantity_too_small(min: u32) -> String {
    format!("Quantity must be at least {min}.")
}

pub fn quantity_too_large(max: u32) -> String {
    format!("You can add at most {max} of one item.")
}

pub fn unreadable_request(_detail: &str) -> String {
    "That request was incomplete. Please try again.".into()
}

pub fn api_error(e: &ApiError) -> String {
    match e {
        ApiError::NotFound(what) => format!("That {what} could not be found."),
        ApiError::Invalid(msg) => msg.clone(),
        ApiError::OutOfStock {
            product,
            available: 0,
        } => format!("{product} is sold out."),
        ApiError::OutOfStock { product, available } => {
            format!("Only {available} of {product} left; your cart can't hold more.")
        }
        ApiError::Unavailable => {
            "The store is having trouble right now. Nothing was changed; please try again.".into()
        }
        ApiError::Transport(_) => {
            "We couldn't reach the store. Check your connection and try again.".into()
        }
    }
}
