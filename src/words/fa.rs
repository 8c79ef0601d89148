//! The store's words in Persian (فارسی), read right to left: «گیومه» for quotes, the Persian
//! comma «،», and «ی»/«ک» in their Persian forms.

use super::{Label, Locale, Problem};
use crate::commerce::{Refusal, Thing};

pub const STORE_NAME: &str = "Vitrine";
pub const STORE_TAGLINE: &str = "کالاهای خوش‌ساخت برای زندگی روزمره";
pub const SKIP_TO_CONTENT: &str = "رفتن به محتوای اصلی";
pub const NAV_LABEL: &str = "دسته‌بندی‌ها";
pub const HOME: &str = "خانه";

pub const LANGUAGE: &str = "زبان";
pub const CURRENCY: &str = "واحد پول";

/// A currency's name, for the switcher (its symbol and code beside it).
pub fn currency_name(c: crate::commerce::Currency) -> &'static str {
    use crate::commerce::Currency::*;
    match c {
        USD => "دلار آمریکا",
        EUR => "یورو",
        CNY => "یوان چین",
        GBP => "پوند بریتانیا",
        JPY => "ین ژاپن",
    }
}

pub fn symbol(c: crate::commerce::Currency) -> &'static str {
    c.symbol()
}
pub const LANGUAGE_OFFER: &str = "این فروشگاه به فارسی هم هست.";
pub const LANGUAGE_SWITCH: &str = "ادامه به فارسی";
pub const LANGUAGE_STAY: &str = "ماندن در نسخهٔ فارسی";

pub const HERO_TITLE: &str = "ساخته شده برای استفادهٔ هر روز";
pub const HERO_TEXT: &str =
    "پوشاک، ظروف آشپزخانه و لوازم خانه از سازندگان مستقل. بازگشت رایگان تا ۳۰ روز.";
pub const HERO_CTA: &str = "دیدن کالاهای برگزیده";
pub const SHOP_BY_CATEGORY: &str = "خرید بر اساس دسته";
pub const FEATURED: &str = "برگزیده‌ها";

pub const SOLD_OUT: &str = "ناموجود";
pub const SALE: &str = "حراج";
pub const FROM: &str = "از";
pub const REGULAR_PRICE: &str = "قیمت اصلی";
pub const SALE_PRICE: &str = "قیمت با تخفیف";
pub const QUANTITY: &str = "تعداد";
pub const ADD_TO_CART: &str = "افزودن به سبد";
pub const ADDING: &str = "در حال افزودن…";
pub const UNAVAILABLE_COMBINATION: &str = "این ترکیب موجود نیست";
pub const DESCRIPTION: &str = "توضیحات";
pub const PRODUCT_IMAGES: &str = "تصاویر کالا";

pub const CART: &str = "سبد خرید";
pub const YOUR_CART: &str = "سبد خرید شما";
pub const CART_EMPTY: &str = "سبد خرید شما خالی است.";
pub const CART_EMPTY_HINT: &str = "سری به دسته‌ها بزنید؛ حتماً چیزی به دلتان می‌نشیند.";
pub const CONTINUE_SHOPPING: &str = "ادامهٔ خرید";
pub const SUBTOTAL: &str = "جمع کالاها";
pub const SHIPPING_AT_CHECKOUT: &str = "هزینهٔ ارسال و مالیات پیش از پرداخت نشان داده می‌شود.";
pub const VIEW_CART: &str = "دیدن سبد خرید";
pub const CLOSE: &str = "بستن";
pub const UPDATE: &str = "به‌روزرسانی";
pub const REMOVE: &str = "حذف";
pub const ADDED_TO_CART: &str = "به سبد خرید افزوده شد";
pub const CART_EXPIRED: &str = "سبد خرید شما منقضی شده است. لطفاً کالا را دوباره اضافه کنید.";
pub const CHOOSE_OPTION: &str = "لطفاً یک گزینهٔ موجود را انتخاب کنید.";

pub const BREADCRUMB: &str = "مسیر صفحه";
/// The designers' gallery (/gallery).
pub const GALLERY_TITLE: &str = "گالری اجزا";
pub const GALLERY_INTRO: &str =
    "هر جزء مشترک در حالت‌هایی که خریدار می‌بیند، با داده‌های نمونه: روشن، تیره و در پهنای گوشی.";
pub const GALLERY_INDEX: &str = "اجزا";

pub const PAGINATION: &str = "صفحه‌بندی";
pub const PREVIOUS: &str = "قبلی";
pub const NEXT: &str = "بعدی";

pub const NOT_FOUND_TITLE: &str = "صفحه پیدا نشد";
pub const NOT_FOUND_TEXT: &str =
    "این صفحه را پیدا نکردیم. شاید جابه‌جا شده باشد یا نشانی آن اشتباه نوشته شده باشد.";
pub const ERROR_TITLE: &str = "مشکلی پیش آمد";
pub const BACK_HOME: &str = "بازگشت به صفحهٔ اصلی";
pub const LOADING: &str = "در حال بارگذاری…";
pub const FOOTER_NOTE: &str =
    "قیمت‌ها در صورت شمول، با مالیات بر ارزش افزوده است. بازگشت رایگان تا ۳۰ روز.";

/// Read as "سبد خرید، ۳ کالا" while "سبد خرید ۳" shows (label in name).
pub const CART_COUNT_BEFORE: &str = "، ";

pub fn cart_count_after(_count: u32) -> &'static str {
    " کالا"
}

pub fn items(count: u32) -> String {
    format!("{} کالا", num(count))
}

pub fn products_count(count: u32) -> String {
    format!("{} کالا", num(count))
}

pub fn page_of(page: u32, pages: u32) -> String {
    format!("صفحهٔ {} از {}", num(page), num(pages))
}

pub fn percent_off(pct: u32) -> String {
    format!("٪{}−", num(pct))
}

pub fn only_left(n: u32) -> String {
    format!("فقط {} عدد باقی مانده", num(n))
}

/// "‎$۱٬۲۳۴٫۵۰": Persian digits, the symbol first behind a left-to-right mark (CLDR's pattern),
/// so the figure keeps its order inside Persian text.
pub fn money(m: crate::commerce::Money) -> String {
    let (sign, n) = super::number::money_parts(Locale::Fa, m);
    format!("\u{200e}{sign}{}{n}", m.currency.symbol())
}

/// A count in Persian digits.
fn num(n: impl Into<i64>) -> String {
    super::number::decimal(Locale::Fa, n.into(), 0)
}

/// A bare count (the cart badge, page numbers), in Persian digits.
pub fn count(n: u32) -> String {
    num(n)
}

/// A price filter's band: "کمتر از ‎$۲۵", "‎$۲۵ تا ‎$۵۰", "‎$۲۰۰ و بیشتر".
pub fn price_band(from: Option<i64>, to: Option<i64>, c: crate::commerce::Currency) -> String {
    let whole = |n: i64| format!("\u{200e}{}{}", c.symbol(), num(n));
    match (from, to) {
        (None, Some(to)) => format!("کمتر از {}", whole(to)),
        (Some(from), Some(to)) => format!("{} تا {}", whole(from), whole(to)),
        (Some(from), None) => format!("{} و بیشتر", whole(from)),
        (None, None) => String::new(),
    }
}

pub const IN_STOCK: &str = "موجود";

pub fn quantity_of(name: &str) -> String {
    format!("تعداد {name}")
}

pub fn remove_item(name: &str) -> String {
    format!("حذف {name}")
}

pub fn quantity_too_small(min: u32) -> String {
    format!("تعداد باید دست‌کم {} باشد.", num(min))
}

pub fn quantity_too_large(max: u32) -> String {
    format!("از هر کالا حداکثر {} عدد می‌توانید اضافه کنید.", num(max))
}

pub const UNREADABLE: &str = "درخواست ناقص بود. لطفاً دوباره تلاش کنید.";
pub const UNAVAILABLE: &str =
    "فروشگاه در حال حاضر دچار مشکل است. چیزی تغییر نکرد؛ لطفاً دوباره تلاش کنید.";
pub const UNCONFIRMED: &str =
    "فروشگاه این کار را به‌موقع تأیید نکرد. کمی صبر کنید و پیش از تلاش دوباره بررسی کنید؛ هیچ سفارشی دو بار ثبت نمی‌شود.";
pub const UNREACHABLE: &str =
    "به فروشگاه دسترسی نداریم. اتصال اینترنت را بررسی کنید و دوباره تلاش کنید.";
pub const RATE_LIMITED: &str =
    "در مدت کوتاهی بیش از حد تلاش کردید. لطفاً چند دقیقه صبر کنید و دوباره تلاش کنید.";

pub fn not_found(t: Thing) -> String {
    let what = match t {
        Thing::Page => "این صفحه",
        Thing::Product => "این کالا",
        Thing::Category => "این دسته",
        Thing::Order => "این سفارش",
        Thing::CartLine => "این قلم",
        Thing::Customer => "این حساب",
        Thing::Record => return "چیزی پیدا نشد.".into(),
    };
    format!("{what} پیدا نشد.")
}

pub fn out_of_stock(product: &str, available: u32) -> String {
    match available {
        0 => format!("«{product}» تمام شده است."),
        n => format!(
            "از «{product}» فقط {} عدد مانده است؛ بیشتر از این در سبد جا نمی‌شود.",
            num(n)
        ),
    }
}

super::composed!();

/// What a backend's refusal tells the shopper.
pub fn refusal(r: &Refusal) -> String {
    match r {
        Refusal::QuantityTooSmall { min } => quantity_too_small(*min),
        Refusal::QuantityTooLarge { max } => quantity_too_large(*max),
        Refusal::CartFull { lines } => format!(
            "سبد خرید حداکثر {} کالای متفاوت جا می‌دهد. لطفاً سفارش را ثبت کنید یا یکی را حذف کنید.",
            num(*lines)
        ),
        Refusal::GiftsNotSupported => "یادداشت هدیه هنوز در این فروشگاه در دسترس نیست.".into(),
        Refusal::EmailNotConfirmed => {
            "لطفاً اول نشانی ایمیل خود را با پیوندی که فرستادیم تأیید کنید.".into()
        }
        Refusal::PasswordRejected => format!("فروشگاه این گذرواژه را نپذیرفت. {PASSWORD_RULE}"),
        Refusal::StatusCannotMove { from, to } => format!(
            "این سفارش در وضعیت {} است و نمی‌تواند به {} برود.",
            from.as_str(),
            to.map_or("وضعیت بعدی", |t| t.as_str())
        ),
        Refusal::CurrencyChanged { shown, now } => format!(
            "قیمت‌ها اکنون به {} نمایش داده می‌شوند، نه {}. مبلغی برداشت نشد: لطفاً جمع کل تازه را ببینید و دوباره سفارش دهید.",
            now.code(),
            shown.code()
        ),
        Refusal::BundleNotPromoted { percent } => format!(
            "سامانهٔ فروش برای این مجموعه تخفیفی نمی‌دهد، پس ثبت نشد: نخست آنجا یک تخفیف بسازید (هر کالا در سبد؛ {percent}٪ تخفیف روی همین کالاها) و دوباره ثبت کنید."
        ),
        Refusal::Backend => "فروشگاه نتوانست این کار را انجام دهد. چیزی تغییر نکرد.".into(),
    }
}

pub const CHECKOUT: &str = "تسویه حساب";
pub const CHECKOUT_TITLE: &str = "تسویه حساب";
pub const CONTACT: &str = "اطلاعات تماس";
pub const EMAIL: &str = "ایمیل";
pub const EMAIL_HINT: &str = "برای رسید و خبرهای ارسال. خبرنامه نمی‌فرستیم.";
pub const SHIPPING_ADDRESS: &str = "نشانی ارسال";
pub const FULL_NAME: &str = "نام و نام خانوادگی";
pub const ADDRESS_LINE1: &str = "نشانی";
pub const ADDRESS_LINE2: &str = "واحد، طبقه و… (اختیاری)";
pub const CITY: &str = "شهر";
pub const POSTCODE: &str = "کد پستی";
pub const COUNTRY: &str = "کشور";
pub const DELIVERY: &str = "روش ارسال";
pub const PAYMENT: &str = "پرداخت";
pub const PAY_BY_CARD: &str = "کارت بانکی";
pub const PAY_ON_DELIVERY: &str = "پرداخت در محل";
pub const PAY_ON_DELIVERY_HINT: &str = "هنگام تحویل سفارش، با کارت یا نقدی به پیک پرداخت کنید.";
pub const CARD_NUMBER: &str = "شمارهٔ کارت";
pub const CARD_EXPIRY: &str = "تاریخ انقضا (MM/YY)";
pub const CARD_CVC: &str = "کد امنیتی";
pub const CARD_TEST_HINT: &str =
    "فروشگاه آزمایشی: از 4242 4242 4242 4242، هر تاریخ آینده و هر ۳ رقم استفاده کنید.";
pub const ORDER_SUMMARY: &str = "خلاصهٔ سفارش";
pub const SHIPPING: &str = "هزینهٔ ارسال";
pub const FREE: &str = "رایگان";
/// The tax line, with the rate in basis points (800 is 8%).
pub fn tax(basis_points: i64) -> String {
    match basis_points % 100 {
        // The rate as a decimal of basis points: 725 is ٪۷٫۲۵.
        0 => format!("مالیات (٪{})", num(basis_points / 100)),
        _ => format!(
            "مالیات (٪{})",
            super::number::decimal(Locale::Fa, basis_points, 2)
        ),
    }
}
pub const TAX_INCLUDED: &str = "با احتساب مالیات";
pub const IN_PRICES: &str = "در قیمت‌ها";
pub const TOTAL: &str = "مبلغ کل";
pub const PLACE_ORDER: &str = "ثبت سفارش";
pub const PLACING_ORDER: &str = "در حال ثبت سفارش…";
pub const BUY_NOW: &str = "خرید فوری";

pub const WIDGET_REFUSED: &str = "از این فروشگاه در این صفحه نمی‌توان استفاده کرد.";
pub const WIDGET_NO_PRODUCT: &str = "این کالا در دسترس نیست.";
pub const WIDGET_CART_EMPTY: &str = "سبد خرید شما خالی است.";

pub fn pay_on_delivery_limit(currency: crate::commerce::Currency) -> String {
    use crate::commerce::checkout::PAY_ON_DELIVERY_MAX_UNITS;
    format!(
        "پرداخت در محل برای سفارش‌های تا {} کالا و تا مبلغ {} ممکن است. \
         لطفاً این سفارش را با کارت پرداخت کنید.",
        num(PAY_ON_DELIVERY_MAX_UNITS),
        money(crate::commerce::checkout::pay_on_delivery_max(currency))
    )
}
pub const UNUSUAL_CHARACTERS: &str =
    "لطفاً نویسه‌های غیرعادی (نشانه‌های نامرئی یا خط‌های اضافه) را از این بخش پاک کنید.";
pub const REQUEST_TOO_LARGE: &str = "این درخواست برای فروشگاه بیش از حد بزرگ بود. چیزی تغییر نکرد.";
pub const CROSS_SITE_REFUSED: &str =
    "این درخواست از صفحه‌های خود فروشگاه نیامده بود، پس چیزی تغییر نکرد. \
     لطفاً فروشگاه را باز کنید و همان‌جا دوباره تلاش کنید.";
pub fn widget_origin_refused(origin: &str) -> String {
    format!(
        "این فروشگاه ابزارک را روی {origin} نمی‌پذیرد. مالک فروشگاه می‌تواند با افزودن {origin} \
         به VITRINE_WIDGET_ORIGINS آن را مجاز کند."
    )
}
pub const REMEMBER_ME: &str = "اطلاعاتم را روی این دستگاه به خاطر بسپار";
pub const REMEMBER_ME_HINT: &str =
    "ایمیل، نشانی و انتخاب‌های شما فقط در کوکی همین دستگاه ذخیره می‌شود. هرگز اطلاعات کارت.";
pub const REMEMBERED: &str = "اطلاعات شما روی این دستگاه ذخیره شده است.";
pub const FORGET_ME: &str = "فراموش کن";
pub const GIFT: &str = "هدیه";
pub const GIFT_TOGGLE: &str = "این یک هدیه است — برای کس دیگری بفرست";
pub const RECIPIENT_ADDRESS: &str = "نشانی گیرنده";
pub const RECIPIENT_HINT: &str = "به این نشانی می‌فرستیم. نشانی شما در رسید می‌ماند.";
pub const GIFT_MESSAGE: &str = "پیام هدیه (اختیاری)";
pub const GIFT_HIDE_PRICES: &str = "قیمت‌ها در برگهٔ بسته‌بندی نیاید";
pub const GIFT_SUMMARY: &str = "به‌عنوان هدیه ارسال می‌شود";
pub const PRICES_HIDDEN: &str = "قیمت‌ها در برگهٔ بسته‌بندی نمی‌آید.";
pub const BILLED_TO: &str = "نشانی شما";
pub const CHOOSE_PAYMENT: &str = "لطفاً روش پرداخت را انتخاب کنید.";
pub const CHOOSE_SHIPPING: &str = "لطفاً روش ارسال را انتخاب کنید.";
pub const ORDER_CONFIRMED: &str = "سپاسگزاریم — سفارش شما ثبت شد";
pub const ORDER_NUMBER: &str = "شمارهٔ سفارش";
pub const ARRIVES: &str = "زمان رسیدن";
pub const SHIPS_TO: &str = "ارسال به";
pub const PAID_WITH: &str = "پرداخت";
pub const TRACK_HINT: &str =
    "این صفحه را نشانک کنید، یا بعداً سفارش را با شماره و ایمیل خود پیدا کنید.";
pub const ORDER_TITLE: &str = "سفارش شما";
pub const PROGRESS: &str = "روند سفارش";
pub const CARRIER: &str = "شرکت حمل";
pub const TRACKING_NUMBER: &str = "کد رهگیری";
pub const LIVE_HINT: &str = "این صفحه با پیشرفت سفارش، خودبه‌خود به‌روز می‌شود.";
pub const PACKING_SLIP: &str = "برگهٔ بسته‌بندی";

pub fn timeline_step(s: crate::commerce::OrderStatus, pay_on_delivery: bool) -> &'static str {
    match s {
        crate::commerce::OrderStatus::Paid if pay_on_delivery => "تأیید شد · پرداخت در محل",
        other => order_status(other),
    }
}

pub fn order_status(s: crate::commerce::OrderStatus) -> &'static str {
    use crate::commerce::OrderStatus as S;
    match s {
        S::Placed => "سفارش ثبت شد",
        S::Paid => "پرداخت انجام شد",
        S::Packed => "بسته‌بندی شد",
        S::Shipped => "ارسال شد",
        S::OutForDelivery => "در راه تحویل",
        S::Delivered => "تحویل داده شد",
        S::Cancelled => "لغو شد",
        S::Refunded => "بازپرداخت شد",
    }
}

pub fn punctuality(p: crate::commerce::tracking::Punctuality) -> Option<&'static str> {
    use crate::commerce::tracking::Punctuality as P;
    match p {
        P::OnTrack => Some("طبق زمان وعده‌داده‌شده پیش می‌رود"),
        P::Late => Some("با تأخیر — پوزش می‌خواهیم. زمان وعده‌داده‌شده گذشته است."),
        P::DeliveredOnTime => Some("به‌موقع تحویل شد"),
        P::DeliveredLate => Some("دیرتر از زمان وعده‌داده‌شده تحویل شد"),
        P::NotApplicable => None,
    }
}

/// "دوشنبه ۲۳ نوامبر، 14:05 UTC": one zone for everyone, so server and browser agree.
pub fn moment(unix: i64) -> String {
    let d = crate::commerce::checkout::Day::from_unix(unix);
    let secs = unix.rem_euclid(86_400);
    // Hours and minutes two digits each, in Persian digits: ۱۴:۰۵.
    let two = |n: i64| {
        super::number::decimal(Locale::Fa, 100 + n, 0)
            .chars()
            .skip(1)
            .collect::<String>()
    };
    format!(
        "{}، {}:{} UTC",
        day(d),
        two(secs / 3_600),
        two(secs % 3_600 / 60)
    )
}

pub const LOOKUP_TITLE: &str = "پیدا کردن سفارش";
pub const LOOKUP_INTRO: &str =
    "شمارهٔ سفارش (در پیام تأیید آمده) و ایمیلی را که با آن سفارش دادید وارد کنید.";
pub const LOOKUP_CODE: &str = "شمارهٔ سفارش";
pub const LOOKUP_CODE_HINT: &str = "مانند VT-7K3M9QX2.";
pub const LOOKUP_SUBMIT: &str = "پیدا کردن سفارش";
pub const LOOKUP_CODE_NEEDED: &str = "لطفاً شمارهٔ سفارش را وارد کنید، مانند VT-7K3M9QX2.";
pub const LOOKUP_NOT_FOUND: &str =
    "سفارشی با این شماره و ایمیل پیدا نکردیم. لطفاً هر دو را بررسی کنید و دوباره تلاش کنید.";
pub const TRACK_ORDER: &str = "پیگیری سفارش";

/// A country's name, for the codes the store ships to (`commerce::checkout::SHIPS_TO`).
pub fn country_name(code: &str) -> &str {
    match code {
        "US" => "ایالات متحده",
        "CA" => "کانادا",
        "GB" => "بریتانیا",
        "IE" => "ایرلند",
        "DE" => "آلمان",
        "FR" => "فرانسه",
        "NL" => "هلند",
        "ES" => "اسپانیا",
        "IT" => "ایتالیا",
        "AU" => "استرالیا",
        other => other,
    }
}

pub fn field_required(label: Label) -> String {
    let named = match label {
        Label::FullName => "نام و نام خانوادگی",
        Label::Address => "نشانی",
        Label::Address2 => "واحد، طبقه و…",
        Label::City => "شهر",
        Label::Postcode => "کد پستی",
        Label::GiftMessage => "پیام هدیه",
    };
    format!("لطفاً {named} را وارد کنید.")
}

pub const BAD_EMAIL: &str = "لطفاً نشانی ایمیلی مانند name@example.com وارد کنید.";
pub const BAD_POSTCODE: &str = "لطفاً کد پستی معتبر وارد کنید.";
pub const BAD_COUNTRY: &str = "لطفاً کشوری را انتخاب کنید که به آن ارسال داریم.";
pub const TOO_LONG: &str = "این متن بیش از حد طولانی است.";

pub fn card_problem(p: crate::commerce::checkout::CardProblem) -> &'static str {
    use crate::commerce::checkout::CardProblem as P;
    match p {
        P::Number => "شمارهٔ کارت درست به نظر نمی‌رسد. لطفاً بررسی کنید.",
        P::Expiry => "لطفاً تاریخ انقضا را به شکل MM/YY وارد کنید.",
        P::Expired => "این کارت منقضی شده است. لطفاً از کارت دیگری استفاده کنید.",
        P::Cvc => "لطفاً کد امنیتی ۳ یا ۴ رقمی را وارد کنید.",
    }
}

pub fn decline(d: crate::commerce::checkout::Decline) -> &'static str {
    use crate::commerce::checkout::Decline as D;
    match d {
        D::Declined => "کارت شما پذیرفته نشد. مبلغی کسر نشد؛ لطفاً کارت دیگری را امتحان کنید.",
        D::InsufficientFunds => {
            "کارت شما به دلیل موجودی ناکافی پذیرفته نشد. مبلغی کسر نشد؛ لطفاً کارت دیگری را امتحان کنید."
        }
    }
}

const WEEKDAYS: [&str; 7] = [
    "دوشنبه",
    "سه‌شنبه",
    "چهارشنبه",
    "پنجشنبه",
    "جمعه",
    "شنبه",
    "یکشنبه",
];
const MONTHS: [&str; 12] = [
    "ژانویه",
    "فوریه",
    "مارس",
    "آوریل",
    "مه",
    "ژوئن",
    "ژوئیه",
    "اوت",
    "سپتامبر",
    "اکتبر",
    "نوامبر",
    "دسامبر",
];

/// "چهارشنبه ۲۵ نوامبر" (the Gregorian calendar, named in Persian).
/// A date a shopper may read years later (a review's), in the Gregorian calendar as the rest
/// of the store's dates: "۱ فوریه ۲۰۲۶".
pub fn dated(d: crate::commerce::checkout::Day) -> String {
    let (y, m, dd) = d.civil();
    format!(
        "{} {} {}",
        num(dd),
        MONTHS[(m - 1) as usize],
        super::number::decimal(Locale::Fa, y, 0).replace('٬', "")
    )
}

pub fn day(d: crate::commerce::checkout::Day) -> String {
    let (_, m, dd) = d.civil();
    format!(
        "{} {} {}",
        WEEKDAYS[d.weekday() as usize],
        num(dd),
        MONTHS[(m - 1) as usize]
    )
}

pub fn delivery_window(
    from: crate::commerce::checkout::Day,
    to: crate::commerce::checkout::Day,
) -> String {
    if from == to {
        day(from)
    } else {
        format!("{} تا {}", day(from), day(to))
    }
}

pub fn shipping_label(code: &str, label: &str, min_days: u32, max_days: u32) -> String {
    let label = match code {
        "standard" => "ارسال عادی",
        "express" => "ارسال سریع",
        _ => label,
    };
    format!("{label} · {} تا {} روز کاری", num(min_days), num(max_days))
}

pub fn card_ending(brand: &str, last4: &str) -> String {
    format!("{brand} با پایان {last4}")
}

pub const COUPON: &str = "کد تخفیف";
pub fn coupon_hint(save15_from: crate::commerce::Money) -> String {
    format!(
        "فروشگاه آزمایشی: WELCOME10، SAVE15 (برای خرید از {} به بالا)، FREESHIP یا SUMMER25 را امتحان کنید.",
        money(save15_from)
    )
}
pub const COUPON_APPLY: &str = "اعمال";
pub const COUPON_REMOVE: &str = "حذف";
pub const DISCOUNT: &str = "تخفیف";
pub const COUPON_NEEDED: &str = "لطفاً کد تخفیف را وارد کنید.";

pub fn coupon_problem(p: &crate::commerce::promotions::CouponProblem) -> String {
    use crate::commerce::promotions::CouponProblem as P;
    match p {
        P::Unknown => "این کد را نمی‌شناسیم. لطفاً املای آن را بررسی کنید.".into(),
        P::Expired {
            last_day: Some(last_day),
        } => format!("این کد در {} منقضی شد.", day(*last_day)),
        P::Expired { last_day: None } => "این کد منقضی شده است.".into(),
        P::BelowMinimum {
            min_spend,
            short_by,
        } => format!(
            "این کد برای خرید دست‌کم {min_spend} است؛ {short_by} دیگر اضافه کنید تا اعمال شود."
        ),
    }
}

/// "WELCOME10 · ٪10 تخفیف", for the applied coupon in the summary.
pub fn coupon_label(c: &crate::commerce::promotions::Coupon) -> String {
    use crate::commerce::promotions::Discount as D;
    let what = match c.discount {
        D::PercentOff(p) => format!("٪{} تخفیف", num(p)),
        D::AmountOff(m) => format!("{m} تخفیف"),
        D::FreeShipping => "ارسال عادی رایگان".into(),
    };
    format!("{} · {what}", c.code)
}

pub const ACCOUNT: &str = "حساب";
pub const ACCOUNT_TITLE: &str = "حساب کاربری شما";
pub const SIGN_IN: &str = "ورود";
pub const SIGN_IN_INTRO: &str = "خوش برگشتید.";
pub const REGISTER: &str = "ساختن حساب";
pub const REGISTER_INTRO: &str =
    "اختیاری است: مهمان‌ها هم همیشه می‌توانند خرید کنند. حساب، نشانی‌ها و سفارش‌های شما را نگه می‌دارد.";
pub const SIGN_OUT: &str = "خروج";
pub const PASSWORD: &str = "گذرواژه";
pub const PASSWORD_HINT: &str = "دست‌کم ۱۰ نویسه. یک عبارت راحت‌تر به خاطر می‌ماند.";
pub const PASSWORD_RULE: &str = "لطفاً گذرواژه‌ای بین ۱۰ تا ۱۲۸ نویسه انتخاب کنید.";
pub const SIGN_IN_FAILED: &str = "این ایمیل و گذرواژه با هیچ حسابی جور نیست.";
pub const EMAIL_TAKEN: &str = "با این ایمیل قبلاً حساب ساخته شده است. لطفاً وارد شوید.";
pub const YOUR_ORDERS: &str = "سفارش‌های شما";
pub const NO_ORDERS: &str = "هنوز سفارشی ندارید.";
pub const SAVED_ADDRESSES: &str = "نشانی‌های ذخیره‌شده";
pub const NO_ADDRESSES: &str = "نشانی‌هایی که به آن‌ها سفارش می‌فرستید اینجا ذخیره می‌شوند.";
pub const SIGNED_IN_AS: &str = "وارد شده با";

pub const SEARCH: &str = "جست‌وجو";
pub const SEARCH_PLACEHOLDER: &str = "جست‌وجوی کالا";

pub fn search_title(query: &str) -> String {
    if query.is_empty() {
        SEARCH.to_string()
    } else {
        format!("نتایج برای «{query}»")
    }
}

pub fn no_results(query: &str) -> String {
    format!("چیزی با «{query}» پیدا نشد. واژه‌های کمتری امتحان کنید یا دسته‌ها را ببینید:")
}

pub const FILTERS: &str = "فیلترها";
pub const FILTER_APPLY: &str = "نمایش نتایج";
pub const SORT_BY: &str = "مرتب‌سازی";
pub const FACET_CATEGORY: &str = "دسته";
pub const FACET_COLOUR: &str = "رنگ";
pub const FACET_SIZE: &str = "اندازه";
pub const FACET_PRICE: &str = "قیمت";
pub const FACET_STOCK: &str = "موجودی";
pub const FACET_RATING: &str = "امتیاز";
pub const CLEAR_FILTERS: &str = "پاک کردن همهٔ فیلترها";
pub const NO_MATCH_FILTERS: &str = "هیچ کالایی با این فیلترها جور نیست.";
pub const POPULAR_NOW: &str = "پرطرفدار این روزها";
pub const RESULTS: &str = "کالاها";
pub const CART_DESCRIPTION: &str = "آنچه در سبد خرید شماست و راه تسویه حساب.";

pub fn category_description(name: &str, count: u32) -> String {
    format!("{name} در {STORE_NAME}: {}.", products_count(count))
}
pub const BROWSE_CATEGORIES: &str = "دیدن دسته‌ها";
pub const SUGGESTION_CATEGORY: &str = "دسته";

pub fn rated_only(count: u32) -> String {
    format!("{} ستاره و بالاتر ({})", num(4), num(count))
}

pub fn in_stock_only(count: u32) -> String {
    format!("فقط کالاهای موجود ({})", num(count))
}

pub fn facet_value(label: &str, count: u32) -> String {
    format!("{label} ({})", num(count))
}

pub fn filters_button(ticked: usize) -> String {
    if ticked == 0 {
        FILTERS.to_string()
    } else {
        format!("{FILTERS} ({})", num(ticked as i64))
    }
}

pub fn sort_label(sort: crate::discovery::Sort) -> &'static str {
    use crate::discovery::Sort;
    match sort {
        Sort::Relevance => "مرتبط‌ترین",
        Sort::PriceLow => "ارزان‌ترین",
        Sort::PriceHigh => "گران‌ترین",
        Sort::Newest => "جدیدترین",
        Sort::BestSelling => "پرفروش‌ترین",
        Sort::TopRated => "بیشترین امتیاز",
    }
}

pub fn browse_sort_label(sort: crate::discovery::Sort) -> &'static str {
    match sort {
        crate::discovery::Sort::Relevance => "پیشنهاد فروشگاه",
        other => sort_label(other),
    }
}

pub fn showing_results_for(corrected: &str) -> String {
    format!("نمایش نتایج برای «{corrected}»")
}

pub fn no_exact_match(typed: &str) -> String {
    format!("نتیجهٔ دقیقی برای «{typed}» نبود.")
}

pub const DID_YOU_MEAN: &str = "منظورتان این بود:";

pub fn search_for(q: &str) -> String {
    format!("جست‌وجوی «{q}»")
}

pub fn suggestions_count(n: usize) -> String {
    match n {
        0 => "پیشنهادی نیست".into(),
        n => format!("{} پیشنهاد. با کلیدهای جهت‌نما انتخاب کنید.", num(n as i64)),
    }
}

pub const PERSONALISED_NOTE: &str = "به سلیقهٔ شما مرتب شده، از روی آنچه اینجا دیده‌اید.";
pub const PRIVACY_CENTRE: &str = "مرکز حریم خصوصی";

pub const FOR_YOU: &str = "برای شما";
pub const RECENTLY_VIEWED: &str = "بازدیدهای اخیر";
pub const BOUGHT_TOGETHER: &str = "اغلب با هم خریده می‌شوند";
pub const YOU_MAY_LIKE: &str = "شاید این‌ها را هم بپسندید";
pub const SIMILAR_PRODUCTS: &str = "کالاهای مشابه";
pub const GOES_WITH_CART: &str = "به سبد خرید شما می‌آید";

#[cfg(feature = "ui")]
fn and_list(names: &[String]) -> String {
    match names {
        [] => String::new(),
        [one] => format!("«{one}»"),
        [first @ .., last] => {
            let first: Vec<String> = first.iter().map(|n| format!("«{n}»")).collect();
            format!("{} و «{last}»", first.join("، "))
        }
    }
}

/// A recommendation row's heading and the sentence saying why it is shown.
#[cfg(feature = "ui")]
pub fn row_text(reason: &crate::discovery::Reason, in_cart: bool) -> (&'static str, String) {
    use crate::discovery::Reason;
    match reason {
        Reason::BecauseYouViewed(names) if names.is_empty() => {
            (FOR_YOU, "از روی آنچه اینجا می‌بینید انتخاب شده.".into())
        }
        Reason::BecauseYouViewed(names) => (FOR_YOU, format!("چون {} را دیدید.", and_list(names))),
        Reason::RecentlyViewed => (
            RECENTLY_VIEWED,
            "فقط روی همین دستگاه، و فقط چون خودتان اجازه دادید.".into(),
        ),
        Reason::BoughtWith(names) if in_cart => (
            GOES_WITH_CART,
            format!("خریداران {} این‌ها را هم خریده‌اند.", and_list(names)),
        ),
        Reason::BoughtWith(names) => (
            BOUGHT_TOGETHER,
            format!("خریداران {} این‌ها را هم خریده‌اند.", and_list(names)),
        ),
        Reason::LikeThis(name) => (
            YOU_MAY_LIKE,
            format!("هنوز سفارش زیادی برای «{name}» نیست، پس این‌ها کالاهای شبیه آن هستند."),
        ),
        Reason::SimilarTo(name) => (
            SIMILAR_PRODUCTS,
            format!("از نظر نوع، قیمت و رنگ نزدیک به «{name}»."),
        ),
    }
}

pub const CONSENT_TITLE: &str = "فروشگاه را برای شما شخصی کنیم؟";
pub const CONSENT_TEXT: &str = "آنچه می‌بینید، به سبد می‌افزایید و می‌خرید را فقط روی همین دستگاه به خاطر می‌سپاریم تا کالا پیشنهاد کنیم. با کسی به اشتراک گذاشته نمی‌شود.";
pub const CONSENT_YES: &str = "بله، شخصی کن";
pub const CONSENT_NO: &str = "نه، ممنون";

pub const PRIVACY_TITLE: &str = "مرکز حریم خصوصی";
pub const PRIVACY_LEAD: &str = "هر آنچه این فروشگاه از بازدیدهای شما به خاطر دارد، به زبان ساده. این اطلاعات در یک کوکی امضاشده و در حافظهٔ همین مرورگر است؛ هرگز روی سرورهای ما ذخیره نمی‌شود و با هیچ‌کس به اشتراک گذاشته نمی‌شود.";
pub const PRIVACY_ON: &str = "شخصی‌سازی روشن است.";
pub const PRIVACY_OFF: &str = "شخصی‌سازی خاموش است. چیزی ثبت نمی‌شود.";
pub const PRIVACY_UNASKED: &str = "هنوز انتخاب نکرده‌اید. تا وقتی موافقت نکنید، چیزی ثبت نمی‌شود.";
pub const PRIVACY_TURN_ON: &str = "روشن کردن شخصی‌سازی";
pub const PRIVACY_WITHDRAW: &str = "پس گرفتن رضایت و پاک کردن";
pub const PRIVACY_NOTHING: &str = "چیزی ثبت نشده است.";
pub const PRIVACY_EXPORT: &str = "دریافت به‌صورت JSON";
pub const PRIVACY_DELETE: &str = "پاک کردن همه";
pub const PRIVACY_RECORDED: &str = "چه چیزهایی ثبت شده";
pub const PRIVACY_DELETED: &str = "پاک شد. کوکی حذف شد و حافظهٔ این مرورگر خالی است.";

/// One recorded event in plain words.
pub fn privacy_event(e: &crate::discovery::profile::Event, now: i64) -> String {
    use crate::discovery::profile::Kind;
    let when = ago(now - e.at);
    match e.kind {
        Kind::View => format!("«{}» را {when} دیدید.", e.name),
        Kind::Cart => format!("«{}» را {when} به سبد افزودید.", e.name),
        Kind::Purchase => format!("«{}» را {when} خریدید.", e.name),
        Kind::Search => format!("«{}» را {when} جست‌وجو کردید.", e.subject),
    }
}

fn ago(seconds: i64) -> String {
    match seconds.max(0) {
        0..60 => "همین حالا".into(),
        s @ 60..3_600 => format!("{} دقیقه پیش", num(s / 60)),
        s @ 3_600..86_400 => format!("{} ساعت پیش", num(s / 3_600)),
        s => format!("{} روز پیش", num(s / 86_400)),
    }
}

pub const WISHLIST: &str = "علاقه‌مندی‌ها";
pub const SAVE_TO_WISHLIST: &str = "افزودن به علاقه‌مندی‌ها";
pub const SAVED_IN_WISHLIST: &str = "در علاقه‌مندی‌ها ذخیره شد";
pub const REMOVE_FROM_WISHLIST: &str = "حذف از علاقه‌مندی‌ها";
pub const WISHLIST_EMPTY: &str =
    "هنوز چیزی ذخیره نکرده‌اید. با زدن قلبِ هر کالا، بعداً آن را این‌جا پیدا می‌کنید.";
pub const BACK_IN_STOCK: &str = "دوباره موجود شد";
pub const NO_LONGER_AVAILABLE: &str = "دیگر موجود نیست";
pub const SHARE_WISHLIST: &str = "اشتراک‌گذاری این فهرست";
pub const SHARED_WISHLIST: &str = "فهرست علاقه‌مندی‌های به‌اشتراک‌گذاشته";
pub const SHARE_LINK_NOTE: &str = "هر کس این پیوند را داشته باشد، این فهرست را همان‌طور که هنگام اشتراک‌گذاری بود می‌بیند، بی‌آن‌که نام شما را ببیند. آن را کپی کنید و بفرستید:";
pub const SHARE_LINK: &str = "پیوند این فهرست";
pub const CHOOSE_OPTIONS: &str = "انتخاب مدل";

pub fn save_named(name: &str) -> String {
    format!("افزودن {name} به علاقه‌مندی‌ها")
}

pub fn unsave_named(name: &str) -> String {
    format!("حذف {name} از علاقه‌مندی‌ها")
}

/// A saved item that costs less than when it was saved.
pub fn price_dropped(was: crate::commerce::Money) -> String {
    format!("ارزان‌تر شد (قبلاً {})", money(was))
}

pub fn wishlist_full(max: u32) -> String {
    format!(
        "در علاقه‌مندی‌ها حداکثر {} کالا جا می‌شود. برای ذخیرهٔ کالای تازه، یکی را حذف کنید.",
        num(max)
    )
}

pub const REVIEWS: &str = "نظرها";
pub const NO_REVIEWS: &str = "هنوز نظری نیست. فقط کسانی که این کالا را خریده‌اند می‌توانند نظر بدهند.";
pub const NO_MATCHING_REVIEWS: &str = "هنوز نظری با این امتیاز نیست.";
pub const SORT_REVIEWS: &str = "مرتب‌سازی نظرها";
pub const MOST_HELPFUL: &str = "مفیدترین";
pub const NEWEST: &str = "جدیدترین";
pub const ALL_RATINGS: &str = "همهٔ امتیازها";
pub const FILTER_REVIEWS: &str = "نمایش نظرهای";
pub const VERIFIED_PURCHASE: &str = "خرید تأییدشده";
pub const HELPFUL: &str = "مفید بود";
pub const YOU_FOUND_HELPFUL: &str = "برای شما مفید بود";
pub const REPORT_REVIEW: &str = "گزارش این نظر";
pub const REPORTED_THANKS: &str = "سپاس. فروشگاه این نظر را بررسی می‌کند.";
pub const REVIEWED_PUBLISHED: &str = "سپاس: نظر شما منتشر شد.";
pub const REVIEWED_PENDING: &str = "سپاس: نظر شما پس از بررسی فروشگاه اینجا نمایش داده می‌شود.";
pub const REVIEWED_DELETED: &str = "نظر شما حذف شد.";
pub const WRITE_REVIEW: &str = "نوشتن نظر";
pub const EDIT_REVIEW: &str = "ویرایش نظر شما";
pub const YOUR_RATING: &str = "امتیاز شما";
pub const REVIEW_TITLE: &str = "عنوان";
pub const REVIEW_TEXT: &str = "نظر شما";
pub const NAME_SHOWN: &str = "نام نمایشی";
pub const NAME_SHOWN_HINT: &str = "نام کوچک و حرف اول نام خانوادگی، همان‌طور که دیگران می‌بینند.";
pub const PUBLISH_REVIEW: &str = "انتشار نظر";
pub const SAVE_REVIEW: &str = "ذخیرهٔ تغییرات";
pub const DELETE_REVIEW: &str = "حذف نظر";
pub const REVIEW_WAITING: &str = "نظر شما منتظر بررسی فروشگاه است.";
pub const REVIEW_YOUR_PURCHASES: &str = "دربارهٔ خریدتان نظر بدهید";
pub const REVIEW_PRODUCT: &str = "نوشتن نظر";
pub const BACK_TO_ORDER: &str = "بازگشت به سفارش";
pub const REVIEW_PAGES: &str = "صفحه‌های نظرها";

pub fn reviews_count(n: u32) -> String {
    format!("{} نظر", num(n))
}

pub fn average(tenths: u32) -> String {
    super::number::decimal(Locale::Fa, tenths.into(), 1)
}

pub fn rating_said(tenths: u32, count: u32) -> String {
    format!(
        "امتیاز {} از {}، از {}",
        average(tenths),
        num(5),
        reviews_count(count)
    )
}

pub fn stars_said(stars: u8) -> String {
    format!("امتیاز {} از {}", num(stars), num(5))
}

pub fn stars_count(stars: u8) -> String {
    format!("{} ستاره", num(stars))
}

pub fn found_helpful(n: u32) -> String {
    format!("برای {} نفر مفید بود", num(n))
}

pub fn review_of(product: &str) -> String {
    format!("نظر دربارهٔ {product}")
}

pub fn review_text_hint(max: u32) -> String {
    format!(
        "متن ساده، حداکثر {} نویسه. پیوندها به‌صورت متن نمایش داده می‌شوند.",
        num(max)
    )
}

pub fn review_problem(p: &crate::commerce::reviews::ReviewProblem) -> String {
    use crate::commerce::reviews::ReviewProblem as R;
    match p {
        R::Stars => format!("لطفاً از {} تا {} ستاره انتخاب کنید.", num(1), num(5)),
        R::TitleNeeded => "لطفاً برای نظرتان عنوانی بنویسید.".into(),
        R::TitleTooLong { max } => format!("عنوان حداکثر {} نویسه باشد.", num(*max)),
        R::TextTooShort { min } => format!("لطفاً دست‌کم {} نویسه بنویسید.", num(*min)),
        R::TextTooLong { max } => format!(
            "نظر شما بلندتر از {} نویسه است؛ لطفاً کوتاه‌ترش کنید.",
            num(*max)
        ),
        R::Markup => "نظرها متن ساده‌اند: لطفاً HTML و اسکریپت ننویسید.".into(),
        R::Name => format!(
            "لطفاً نامی برای نمایش بنویسید: فقط حروف، فاصله، نقطه و خط تیره، حداکثر {} نویسه.",
            num(40)
        ),
        R::NotBought => "فقط خریداران این کالا می‌توانند نظر بدهند و این سفارش آن را نداشت.".into(),
        R::NotDelivered => "پس از تحویل سفارش می‌توانید نظر بدهید.".into(),
        R::AlreadyReviewed => {
            "برای این سفارش قبلاً دربارهٔ این کالا نظر داده‌اید؛ می‌توانید همان را ویرایش کنید.".into()
        }
        R::AlreadyVoted => "قبلاً این نظر را مفید علامت زده‌اید.".into(),
        R::AlreadyReported => "قبلاً این نظر را گزارش داده‌اید؛ فروشگاه بررسی می‌کند.".into(),
        R::Gone => "این نظر دیگر نمایش داده نمی‌شود.".into(),
    }
}

// The privacy centre's statistics section (api/events.rs, pages/privacy.rs).
pub const ACTIVITY_TITLE: &str = "در آمار خود فروشگاه";
pub fn activity_count(count: u64) -> String {
    if count == 0 {
        "هیچ گامی با شناسهٔ این مرورگر ثبت نشده است.".into()
    } else {
        format!(
            "{} گام (صفحه، جست‌وجو، سبد، سفارش) با شناسهٔ این مرورگر ثبت شده است.",
            num(count as i64)
        )
    }
}
pub const ACTIVITY_NOTE: &str = "بدون رضایت شما، یا با روشن بودن «ردیابی نکن» یا «کنترل جهانی حریم خصوصی»، فروشگاه فقط می‌شمارد چه دیده شد، نه چه کسی. چیزی به دیگری داده نمی‌شود. پاک کردن داده‌های بالا یا پس گرفتن رضایت، این‌ها را هم پاک می‌کند.";

// Bundles (api/bundles.rs, components/buy_together.rs).
pub const SET_TITLE: &str = "اغلب با هم خریده می‌شوند";
pub fn bundle_title(percent: u32) -> String {
    format!("با هم بخرید و ٪{} کمتر بپردازید", num(percent))
}
pub fn add_set(count: usize) -> &'static str {
    if count >= 3 {
        "هر سه را به سبد بیفزایید"
    } else {
        "هر دو را به سبد بیفزایید"
    }
}
pub fn set_total(total: &str, varies: bool) -> String {
    if varies {
        format!("با هم از {total}")
    } else {
        format!("با هم {total}")
    }
}
pub fn you_save(amount: &str) -> String {
    format!("صرفه‌جویی شما: {amount}")
}
pub fn option_for(name: &str) -> String {
    format!("گزینهٔ {name}")
}
pub const AFTER_SAVINGS: &str = "پس از تخفیف";
pub fn saving_label(label: &str, percent: Option<u32>) -> String {
    match percent {
        Some(p) => format!("تخفیف مجموعه: {label} (٪{})", num(p)),
        None => label.to_string(),
    }
}
