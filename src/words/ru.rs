//! The store's words in Russian: «ёлочки» for quotes, plural forms by CLDR (1 товар,
//! 2 товара, 5 товаров), dates as «ср, 25 нояб.».

use super::{form, Form, Label, Locale, Problem};
use crate::commerce::{Refusal, Thing};

/// The form a count takes: `one` (1, 21, 101), `few` (2–4, 22–24), `many` (5–20, 25…).
fn by_count<'a>(n: u64, one: &'a str, few: &'a str, many: &'a str) -> &'a str {
    match form(Locale::Ru, n) {
        Form::One => one,
        Form::Few => few,
        _ => many,
    }
}

pub const STORE_NAME: &str = "Vitrine";
pub const STORE_TAGLINE: &str = "Добротные вещи на каждый день";
pub const SKIP_TO_CONTENT: &str = "Перейти к содержанию";
pub const NAV_LABEL: &str = "Категории";
pub const HOME: &str = "Главная";

pub const LANGUAGE: &str = "Язык";
pub const CURRENCY: &str = "Валюта";

/// A currency's name, for the switcher (its symbol and code beside it).
pub fn currency_name(c: crate::commerce::Currency) -> &'static str {
    use crate::commerce::Currency::*;
    match c {
        USD => "Доллар США",
        EUR => "Евро",
        CNY => "Китайский юань",
        GBP => "Британский фунт",
        JPY => "Японская иена",
    }
}

pub fn symbol(c: crate::commerce::Currency) -> &'static str {
    c.symbol()
}
pub const LANGUAGE_OFFER: &str = "Этот магазин есть и на русском.";
pub const LANGUAGE_SWITCH: &str = "Перейти на русский";
pub const LANGUAGE_STAY: &str = "Остаться на русском";

pub const HERO_TITLE: &str = "Сделано, чтобы пользоваться каждый день";
pub const HERO_TEXT: &str =
    "Одежда, посуда и товары для дома от независимых мастеров. Бесплатный возврат в течение 30 дней.";
pub const HERO_CTA: &str = "Смотреть избранное";
pub const SHOP_BY_CATEGORY: &str = "Категории товаров";
pub const FEATURED: &str = "Избранное";

pub const SOLD_OUT: &str = "Нет в наличии";
pub const SALE: &str = "Скидка";
pub const FROM: &str = "от";
pub const REGULAR_PRICE: &str = "Обычная цена";
pub const SALE_PRICE: &str = "Цена со скидкой";
pub const QUANTITY: &str = "Количество";
pub const ADD_TO_CART: &str = "В корзину";
pub const ADDING: &str = "Добавляем…";
pub const UNAVAILABLE_COMBINATION: &str = "Нет такого варианта";
pub const DESCRIPTION: &str = "Описание";
pub const PRODUCT_IMAGES: &str = "Фотографии товара";

pub const CART: &str = "Корзина";
pub const YOUR_CART: &str = "Ваша корзина";
pub const CART_EMPTY: &str = "Ваша корзина пуста.";
pub const CART_EMPTY_HINT: &str = "Загляните в каталог — там найдётся что-нибудь по душе.";
pub const CONTINUE_SHOPPING: &str = "Продолжить покупки";
pub const SUBTOTAL: &str = "Сумма";
pub const SHIPPING_AT_CHECKOUT: &str = "Доставка и налоги будут показаны до оплаты.";
pub const VIEW_CART: &str = "Открыть корзину";
pub const CLOSE: &str = "Закрыть";
pub const UPDATE: &str = "Обновить";
pub const REMOVE: &str = "Удалить";
pub const ADDED_TO_CART: &str = "Добавлено в корзину";
pub const CART_EXPIRED: &str = "Срок действия корзины истёк. Добавьте товар ещё раз.";
pub const CHOOSE_OPTION: &str = "Выберите вариант, который есть в наличии.";

pub const BREADCRUMB: &str = "Навигационная цепочка";
/// The designers' gallery (/gallery).
pub const GALLERY_TITLE: &str = "Галерея компонентов";
pub const GALLERY_INTRO: &str =
    "Каждый общий компонент во всех состояниях, которые видит покупатель, на тестовых данных: светлая и тёмная темы, ширина телефона.";
pub const GALLERY_INDEX: &str = "Компоненты";

pub const PAGINATION: &str = "Страницы";
pub const PREVIOUS: &str = "Назад";
pub const NEXT: &str = "Далее";

pub const NOT_FOUND_TITLE: &str = "Страница не найдена";
pub const NOT_FOUND_TEXT: &str =
    "Мы не нашли эту страницу. Возможно, она переехала или в ссылке опечатка.";
pub const ERROR_TITLE: &str = "Что-то пошло не так";
pub const BACK_HOME: &str = "На главную";
pub const LOADING: &str = "Загрузка…";
pub const FOOTER_NOTE: &str =
    "Цены указаны с НДС, где он применяется. Бесплатный возврат в течение 30 дней.";

/// Read as "Корзина, 3 товара" while "Корзина 3" shows (label in name).
pub const CART_COUNT_BEFORE: &str = ", ";

pub fn cart_count_after(count: u32) -> &'static str {
    by_count(count.into(), " товар", " товара", " товаров")
}

pub fn items(count: u32) -> String {
    format!("{count}{}", cart_count_after(count))
}

pub fn products_count(count: u32) -> String {
    format!("{count}{}", cart_count_after(count))
}

pub fn page_of(page: u32, pages: u32) -> String {
    format!("Страница {page} из {pages}")
}

pub fn percent_off(pct: u32) -> String {
    format!("−{pct}%")
}

pub fn only_left(n: u32) -> String {
    format!(
        "{} {n} шт.",
        by_count(n.into(), "Осталась", "Осталось", "Осталось")
    )
}

/// "1 234,50 $": the symbol after the figure, a no-break space between.
pub fn money(m: crate::commerce::Money) -> String {
    let (sign, n) = super::number::money_parts(Locale::Ru, m);
    format!("{sign}{n}\u{a0}{}", m.currency.symbol())
}

/// A bare count (the cart badge, page numbers), in the language's digits.
pub fn count(n: u32) -> String {
    n.to_string()
}

/// A price filter's band: "до 25 $", "25–50 $", "от 200 $".
pub fn price_band(from: Option<i64>, to: Option<i64>, c: crate::commerce::Currency) -> String {
    let n = |n: i64| super::number::decimal(Locale::Ru, n, 0);
    let s = c.symbol();
    match (from, to) {
        (None, Some(to)) => format!("до {}\u{a0}{s}", n(to)),
        (Some(from), Some(to)) => format!("{}–{}\u{a0}{s}", n(from), n(to)),
        (Some(from), None) => format!("от {}\u{a0}{s}", n(from)),
        (None, None) => String::new(),
    }
}

pub const IN_STOCK: &str = "В наличии";

pub fn quantity_of(name: &str) -> String {
    format!("Количество: {name}")
}

pub fn remove_item(name: &str) -> String {
    format!("Удалить {name}")
}

pub fn quantity_too_small(min: u32) -> String {
    format!("Количество — не меньше {min}.")
}

pub fn quantity_too_large(max: u32) -> String {
    format!("Одного товара можно добавить не больше {max} шт.")
}

pub const UNREADABLE: &str = "Запрос пришёл не полностью. Попробуйте ещё раз.";
pub const UNAVAILABLE: &str =
    "У магазина сейчас неполадки. Ничего не изменилось — попробуйте ещё раз.";
pub const UNCONFIRMED: &str =
    "Магазин не успел это подтвердить. Подождите немного и проверьте, прежде чем повторить; заказ никогда не оформляется дважды.";
pub const UNREACHABLE: &str =
    "Не удалось связаться с магазином. Проверьте подключение и попробуйте снова.";
pub const RATE_LIMITED: &str =
    "Слишком много попыток за короткое время. Подождите несколько минут.";

pub fn not_found(t: Thing) -> String {
    match t {
        Thing::Page => "Страница не найдена.",
        Thing::Product => "Товар не найден.",
        Thing::Category => "Категория не найдена.",
        Thing::Order => "Заказ не найден.",
        Thing::CartLine => "Товар не найден в корзине.",
        Thing::Customer => "Учётная запись не найдена.",
        Thing::Record => "Ничего не найдено.",
    }
    .into()
}

pub fn out_of_stock(product: &str, available: u32) -> String {
    match available {
        0 => format!("«{product}» закончился."),
        n => format!("«{product}» осталось {n} шт., больше в корзину не поместится."),
    }
}

super::composed!();

/// What a backend's refusal tells the shopper.
pub fn refusal(r: &Refusal) -> String {
    match r {
        Refusal::QuantityTooSmall { min } => quantity_too_small(*min),
        Refusal::QuantityTooLarge { max } => quantity_too_large(*max),
        Refusal::CartFull { lines } => format!(
            "В корзине может быть не больше {lines} разных товаров. Оформите заказ или удалите один."
        ),
        Refusal::GiftsNotSupported => "Подарочные открытки в этом магазине пока недоступны.".into(),
        Refusal::EmailNotConfirmed => {
            "Сначала подтвердите адрес почты по ссылке из нашего письма.".into()
        }
        Refusal::PasswordRejected => format!("Магазин не принял этот пароль. {PASSWORD_RULE}"),
        Refusal::StatusCannotMove { from, to } => format!(
            "Заказ в статусе {}, перевести его в {} нельзя.",
            from.as_str(),
            to.map_or("следующий", |t| t.as_str())
        ),
        Refusal::CurrencyChanged { shown, now } => format!(
            "Цены теперь указаны в {}, а не в {}. Деньги не списаны: проверьте новый итог и оформите заказ ещё раз.",
            now.code(),
            shown.code()
        ),
        Refusal::BundleNotPromoted { percent } => format!(
            "Торговая система не даёт скидку на этот набор, поэтому он не объявлен: сначала создайте там акцию (каждый товар в корзине; скидка {percent}% на эти товары), затем объявите набор снова."
        ),
        Refusal::Backend => "Магазин не смог это сделать. Ничего не изменилось.".into(),
    }
}

pub const CHECKOUT: &str = "Оформить заказ";
pub const CHECKOUT_TITLE: &str = "Оформление заказа";
pub const CONTACT: &str = "Контакты";
pub const EMAIL: &str = "Эл. почта";
pub const EMAIL_HINT: &str = "Для чека и новостей о доставке. Без рассылок.";
pub const SHIPPING_ADDRESS: &str = "Адрес доставки";
pub const FULL_NAME: &str = "Имя и фамилия";
pub const ADDRESS_LINE1: &str = "Адрес";
pub const ADDRESS_LINE2: &str = "Квартира, офис и т. п. (необязательно)";
pub const CITY: &str = "Город";
pub const POSTCODE: &str = "Почтовый индекс";
pub const COUNTRY: &str = "Страна";
pub const DELIVERY: &str = "Доставка";
pub const PAYMENT: &str = "Оплата";
pub const PAY_BY_CARD: &str = "Картой";
pub const PAY_ON_DELIVERY: &str = "При получении";
pub const PAY_ON_DELIVERY_HINT: &str =
    "Оплатите курьеру картой или наличными, когда заказ приедет.";
pub const CARD_NUMBER: &str = "Номер карты";
pub const CARD_EXPIRY: &str = "Срок действия (ММ/ГГ)";
pub const CARD_CVC: &str = "Код безопасности";
pub const CARD_TEST_HINT: &str =
    "Тестовый магазин: используйте 4242 4242 4242 4242, любую будущую дату и любые 3 цифры.";
pub const ORDER_SUMMARY: &str = "Ваш заказ";
pub const SHIPPING: &str = "Доставка";
pub const FREE: &str = "Бесплатно";
/// The tax line, with the rate in basis points (800 is 8%).
pub fn tax(basis_points: i64) -> String {
    match basis_points % 100 {
        0 => format!("Налог ({} %)", basis_points / 100),
        _ => format!("Налог ({},{:02} %)", basis_points / 100, basis_points % 100),
    }
}
pub const TAX_INCLUDED: &str = "Налог включён";
pub const IN_PRICES: &str = "В ценах";
pub const TOTAL: &str = "Итого";
pub const PLACE_ORDER: &str = "Подтвердить заказ";
pub const PLACING_ORDER: &str = "Оформляем заказ…";
pub const BUY_NOW: &str = "Купить сейчас";

pub const WIDGET_REFUSED: &str = "На этой странице магазином пользоваться нельзя.";
pub const WIDGET_NO_PRODUCT: &str = "Этот товар недоступен.";
pub const WIDGET_CART_EMPTY: &str = "Ваша корзина пуста.";

pub fn pay_on_delivery_limit(currency: crate::commerce::Currency) -> String {
    use crate::commerce::checkout::PAY_ON_DELIVERY_MAX_UNITS;
    format!(
        "Оплата при получении доступна для заказов до {PAY_ON_DELIVERY_MAX_UNITS} шт. и до {}. \
         Этот заказ, пожалуйста, оплатите картой.",
        crate::commerce::checkout::pay_on_delivery_max(currency)
    )
}
pub const UNUSUAL_CHARACTERS: &str =
    "Уберите из этого поля необычные символы (невидимые знаки или лишние переносы строк).";
pub const REQUEST_TOO_LARGE: &str =
    "Запрос слишком большой, магазин не смог его прочитать. Ничего не изменилось.";
pub const CROSS_SITE_REFUSED: &str =
    "Этот запрос пришёл не со страниц магазина, поэтому ничего не изменилось. \
     Откройте магазин и попробуйте там.";
pub fn widget_origin_refused(origin: &str) -> String {
    format!(
        "Магазин не разрешает виджет на {origin}. Владелец может разрешить этот сайт, \
         добавив {origin} в VITRINE_WIDGET_ORIGINS."
    )
}
pub const REMEMBER_ME: &str = "Запомнить мои данные на этом устройстве";
pub const REMEMBER_ME_HINT: &str =
    "Почта, адрес и выбор сохранятся в cookie только на этом устройстве. Данные карты — никогда.";
pub const REMEMBERED: &str = "Ваши данные сохранены на этом устройстве.";
pub const FORGET_ME: &str = "Забыть их";
pub const GIFT: &str = "Подарок";
pub const GIFT_TOGGLE: &str = "Это подарок — отправить другому человеку";
pub const RECIPIENT_ADDRESS: &str = "Адрес получателя";
pub const RECIPIENT_HINT: &str = "Доставим сюда. Ваш адрес выше останется в чеке.";
pub const GIFT_MESSAGE: &str = "Пожелание к подарку (необязательно)";
pub const GIFT_HIDE_PRICES: &str = "Не указывать цены в упаковочном листе";
pub const GIFT_SUMMARY: &str = "Отправляется как подарок";
pub const PRICES_HIDDEN: &str = "Цены в упаковочном листе не указаны.";
pub const BILLED_TO: &str = "Ваш адрес";
pub const CHOOSE_PAYMENT: &str = "Выберите способ оплаты.";
pub const CHOOSE_SHIPPING: &str = "Выберите способ доставки.";
pub const ORDER_CONFIRMED: &str = "Спасибо! Ваш заказ подтверждён";
pub const ORDER_NUMBER: &str = "Номер заказа";
pub const ARRIVES: &str = "Доставка";
pub const SHIPS_TO: &str = "Куда";
pub const PAID_WITH: &str = "Оплата";
pub const TRACK_HINT: &str =
    "Добавьте эту страницу в закладки или найдите заказ позже по номеру и почте.";
pub const ORDER_TITLE: &str = "Ваш заказ";
pub const PROGRESS: &str = "Статус";
pub const CARRIER: &str = "Служба доставки";
pub const TRACKING_NUMBER: &str = "Трек-номер";
pub const LIVE_HINT: &str = "Страница обновляется сама, когда заказ продвигается.";
pub const PACKING_SLIP: &str = "Упаковочный лист";

pub fn timeline_step(s: crate::commerce::OrderStatus, pay_on_delivery: bool) -> &'static str {
    match s {
        crate::commerce::OrderStatus::Paid if pay_on_delivery => {
            "Подтверждён · оплата при получении"
        }
        other => order_status(other),
    }
}

pub fn order_status(s: crate::commerce::OrderStatus) -> &'static str {
    use crate::commerce::OrderStatus as S;
    match s {
        S::Placed => "Заказ оформлен",
        S::Paid => "Оплата получена",
        S::Packed => "Собран",
        S::Shipped => "Отправлен",
        S::OutForDelivery => "Передан курьеру",
        S::Delivered => "Доставлен",
        S::Cancelled => "Отменён",
        S::Refunded => "Деньги возвращены",
    }
}

pub fn punctuality(p: crate::commerce::tracking::Punctuality) -> Option<&'static str> {
    use crate::commerce::tracking::Punctuality as P;
    match p {
        P::OnTrack => Some("Успевает к обещанному сроку"),
        P::Late => Some("Задерживается — простите. Обещанный срок уже прошёл."),
        P::DeliveredOnTime => Some("Доставлен вовремя"),
        P::DeliveredLate => Some("Доставлен позже обещанного"),
        P::NotApplicable => None,
    }
}

/// "пн, 23 нояб., 14:05 UTC": one zone for everyone, so server and browser render the same.
pub fn moment(unix: i64) -> String {
    let d = crate::commerce::checkout::Day::from_unix(unix);
    let secs = unix.rem_euclid(86_400);
    format!(
        "{}, {:02}:{:02} UTC",
        day(d),
        secs / 3_600,
        secs % 3_600 / 60
    )
}

pub const LOOKUP_TITLE: &str = "Найти заказ";
pub const LOOKUP_INTRO: &str =
    "Введите номер заказа (он есть в подтверждении) и почту, указанную при заказе.";
pub const LOOKUP_CODE: &str = "Номер заказа";
pub const LOOKUP_CODE_HINT: &str = "Например, VT-7K3M9QX2.";
pub const LOOKUP_SUBMIT: &str = "Найти заказ";
pub const LOOKUP_CODE_NEEDED: &str = "Введите номер заказа, например VT-7K3M9QX2.";
pub const LOOKUP_NOT_FOUND: &str =
    "Не нашли заказ с таким номером и почтой. Проверьте оба поля и попробуйте ещё раз.";
pub const TRACK_ORDER: &str = "Отследить заказ";

/// A country's name, for the codes the store ships to (`commerce::checkout::SHIPS_TO`).
pub fn country_name(code: &str) -> &str {
    match code {
        "US" => "США",
        "CA" => "Канада",
        "GB" => "Великобритания",
        "IE" => "Ирландия",
        "DE" => "Германия",
        "FR" => "Франция",
        "NL" => "Нидерланды",
        "ES" => "Испания",
        "IT" => "Италия",
        "AU" => "Австралия",
        other => other,
    }
}

pub fn field_required(label: Label) -> String {
    match label {
        Label::FullName => "Укажите имя и фамилию.",
        Label::Address => "Укажите адрес.",
        Label::Address2 => "Укажите квартиру, офис и т. п.",
        Label::City => "Укажите город.",
        Label::Postcode => "Укажите почтовый индекс.",
        Label::GiftMessage => "Напишите пожелание к подарку.",
    }
    .into()
}

pub const BAD_EMAIL: &str = "Введите адрес почты вида name@example.com.";
pub const BAD_POSTCODE: &str = "Введите правильный почтовый индекс.";
pub const BAD_COUNTRY: &str = "Выберите страну, в которую мы доставляем.";
pub const TOO_LONG: &str = "Слишком длинно.";

pub fn card_problem(p: crate::commerce::checkout::CardProblem) -> &'static str {
    use crate::commerce::checkout::CardProblem as P;
    match p {
        P::Number => "Номер карты выглядит неверным. Проверьте его.",
        P::Expiry => "Введите срок действия в формате ММ/ГГ.",
        P::Expired => "Срок действия карты истёк. Используйте другую карту.",
        P::Cvc => "Введите код безопасности из 3 или 4 цифр.",
    }
}

pub fn decline(d: crate::commerce::checkout::Decline) -> &'static str {
    use crate::commerce::checkout::Decline as D;
    match d {
        D::Declined => "Банк отклонил карту. Деньги не списаны — попробуйте другую карту.",
        D::InsufficientFunds => {
            "Банк отклонил карту: недостаточно средств. Деньги не списаны — попробуйте другую карту."
        }
    }
}

const WEEKDAYS: [&str; 7] = ["пн", "вт", "ср", "чт", "пт", "сб", "вс"];
const MONTHS: [&str; 12] = [
    "янв.",
    "февр.",
    "мар.",
    "апр.",
    "мая",
    "июн.",
    "июл.",
    "авг.",
    "сент.",
    "окт.",
    "нояб.",
    "дек.",
];

/// "ср, 25 нояб.".
/// A date a shopper may read years later (a review's): "1 февр. 2026 г.".
pub fn dated(d: crate::commerce::checkout::Day) -> String {
    let (y, m, dd) = d.civil();
    format!("{dd} {} {y} г.", MONTHS[(m - 1) as usize])
}

pub fn day(d: crate::commerce::checkout::Day) -> String {
    let (_, m, dd) = d.civil();
    format!(
        "{}, {dd} {}",
        WEEKDAYS[d.weekday() as usize],
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
        format!("{} – {}", day(from), day(to))
    }
}

pub fn shipping_label(code: &str, label: &str, min_days: u32, max_days: u32) -> String {
    let label = match code {
        "standard" => "Стандартная доставка",
        "express" => "Экспресс-доставка",
        _ => label,
    };
    let days = by_count(
        max_days.into(),
        "рабочий день",
        "рабочих дня",
        "рабочих дней",
    );
    format!("{label} · {min_days}–{max_days} {days}")
}

pub fn card_ending(brand: &str, last4: &str) -> String {
    format!("{brand}, последние цифры {last4}")
}

pub const COUPON: &str = "Промокод";
pub fn coupon_hint(save15_from: crate::commerce::Money) -> String {
    format!(
        "Тестовый магазин: попробуйте WELCOME10, SAVE15 (от {}), FREESHIP или SUMMER25.",
        money(save15_from)
    )
}
pub const COUPON_APPLY: &str = "Применить";
pub const COUPON_REMOVE: &str = "Убрать";
pub const DISCOUNT: &str = "Скидка";
pub const COUPON_NEEDED: &str = "Введите промокод.";

pub fn coupon_problem(p: &crate::commerce::promotions::CouponProblem) -> String {
    use crate::commerce::promotions::CouponProblem as P;
    match p {
        P::Unknown => "Такого промокода нет. Проверьте написание.".into(),
        P::Expired {
            last_day: Some(last_day),
        } => format!("Срок действия промокода истёк {}.", day(*last_day)),
        P::Expired { last_day: None } => "Срок действия промокода истёк.".into(),
        P::BelowMinimum {
            min_spend,
            short_by,
        } => format!(
            "Промокод действует при заказе от {min_spend}; добавьте товаров ещё на {short_by}."
        ),
    }
}

/// "WELCOME10 · скидка 10 %", for the applied coupon in the summary.
pub fn coupon_label(c: &crate::commerce::promotions::Coupon) -> String {
    use crate::commerce::promotions::Discount as D;
    let what = match c.discount {
        D::PercentOff(p) => format!("скидка {p} %"),
        D::AmountOff(m) => format!("скидка {m}"),
        D::FreeShipping => "бесплатная обычная доставка".into(),
    };
    format!("{} · {what}", c.code)
}

pub const ACCOUNT: &str = "Кабинет";
pub const ACCOUNT_TITLE: &str = "Личный кабинет";
pub const SIGN_IN: &str = "Войти";
pub const SIGN_IN_INTRO: &str = "С возвращением!";
pub const REGISTER: &str = "Создать учётную запись";
pub const REGISTER_INTRO: &str =
    "По желанию: оформить заказ можно и без регистрации. В кабинете хранятся адреса и заказы.";
pub const SIGN_OUT: &str = "Выйти";
pub const PASSWORD: &str = "Пароль";
pub const PASSWORD_HINT: &str = "Не меньше 10 символов. Фразу запомнить проще.";
pub const PASSWORD_RULE: &str = "Пароль должен быть длиной от 10 до 128 символов.";
pub const SIGN_IN_FAILED: &str = "Неверная почта или пароль.";
pub const EMAIL_TAKEN: &str = "Учётная запись с этой почтой уже есть. Войдите в неё.";
pub const YOUR_ORDERS: &str = "Ваши заказы";
pub const NO_ORDERS: &str = "Заказов пока нет.";
pub const SAVED_ADDRESSES: &str = "Сохранённые адреса";
pub const NO_ADDRESSES: &str = "Здесь сохранятся адреса, на которые вы заказываете.";
pub const SIGNED_IN_AS: &str = "Вы вошли как";

pub const SEARCH: &str = "Поиск";
pub const SEARCH_PLACEHOLDER: &str = "Искать товары";

pub fn search_title(query: &str) -> String {
    if query.is_empty() {
        SEARCH.to_string()
    } else {
        format!("Результаты по запросу «{query}»")
    }
}

pub fn no_results(query: &str) -> String {
    format!("По запросу «{query}» ничего не нашлось. Попробуйте короче или загляните в категории:")
}

pub const FILTERS: &str = "Фильтры";
pub const FILTER_APPLY: &str = "Показать";
pub const SORT_BY: &str = "Сортировка";
pub const FACET_CATEGORY: &str = "Категория";
pub const FACET_COLOUR: &str = "Цвет";
pub const FACET_SIZE: &str = "Размер";
pub const FACET_PRICE: &str = "Цена";
pub const FACET_STOCK: &str = "Наличие";
pub const FACET_RATING: &str = "Рейтинг";
pub const CLEAR_FILTERS: &str = "Сбросить фильтры";
pub const NO_MATCH_FILTERS: &str = "Под эти фильтры ничего не подходит.";
pub const POPULAR_NOW: &str = "Сейчас популярно";
pub const RESULTS: &str = "Товары";
pub const CART_DESCRIPTION: &str = "Что лежит в корзине и как перейти к оформлению.";

pub fn category_description(name: &str, count: u32) -> String {
    format!("{name} в {STORE_NAME}: {}.", products_count(count))
}
pub const BROWSE_CATEGORIES: &str = "Выберите категорию";
pub const SUGGESTION_CATEGORY: &str = "Категория";

pub fn rated_only(count: u32) -> String {
    format!("4 звезды и выше ({count})")
}

pub fn in_stock_only(count: u32) -> String {
    format!("Только в наличии ({count})")
}

pub fn facet_value(label: &str, count: u32) -> String {
    format!("{label} ({count})")
}

pub fn filters_button(ticked: usize) -> String {
    if ticked == 0 {
        FILTERS.to_string()
    } else {
        format!("{FILTERS} ({ticked})")
    }
}

pub fn sort_label(sort: crate::discovery::Sort) -> &'static str {
    use crate::discovery::Sort;
    match sort {
        Sort::Relevance => "По релевантности",
        Sort::PriceLow => "Сначала дешевле",
        Sort::PriceHigh => "Сначала дороже",
        Sort::Newest => "Новинки",
        Sort::BestSelling => "Хиты продаж",
        Sort::TopRated => "По рейтингу",
    }
}

pub fn browse_sort_label(sort: crate::discovery::Sort) -> &'static str {
    match sort {
        crate::discovery::Sort::Relevance => "Рекомендуем",
        other => sort_label(other),
    }
}

pub fn showing_results_for(corrected: &str) -> String {
    format!("Показаны результаты по запросу «{corrected}»")
}

pub fn no_exact_match(typed: &str) -> String {
    format!("Точных совпадений с «{typed}» нет.")
}

pub const DID_YOU_MEAN: &str = "Возможно, вы имели в виду";

pub fn search_for(q: &str) -> String {
    format!("Искать «{q}»")
}

pub fn suggestions_count(n: usize) -> String {
    if n == 0 {
        return "Подсказок нет".into();
    }
    let word = by_count(n as u64, "подсказка", "подсказки", "подсказок");
    format!("{n} {word}. Выбирайте стрелками.")
}

pub const PERSONALISED_NOTE: &str = "Порядок учитывает ваш вкус — по тому, что вы смотрели здесь.";
pub const PRIVACY_CENTRE: &str = "Центр приватности";

pub const FOR_YOU: &str = "Для вас";
pub const RECENTLY_VIEWED: &str = "Вы смотрели";
pub const BOUGHT_TOGETHER: &str = "Часто покупают вместе";
pub const YOU_MAY_LIKE: &str = "Вам может понравиться";
pub const SIMILAR_PRODUCTS: &str = "Похожие товары";
pub const GOES_WITH_CART: &str = "Подойдёт к вашей корзине";

#[cfg(feature = "ui")]
fn and_list(names: &[String]) -> String {
    match names {
        [] => String::new(),
        [one] => format!("«{one}»"),
        [first @ .., last] => {
            let first: Vec<String> = first.iter().map(|n| format!("«{n}»")).collect();
            format!("{} и «{last}»", first.join(", "))
        }
    }
}

/// A recommendation row's heading and the sentence saying why it is shown.
#[cfg(feature = "ui")]
pub fn row_text(reason: &crate::discovery::Reason, in_cart: bool) -> (&'static str, String) {
    use crate::discovery::Reason;
    match reason {
        Reason::BecauseYouViewed(names) if names.is_empty() => {
            (FOR_YOU, "Подобрано по тому, что вы смотрите здесь.".into())
        }
        Reason::BecauseYouViewed(names) => (
            FOR_YOU,
            format!("Потому что вы смотрели {}.", and_list(names)),
        ),
        Reason::RecentlyViewed => (
            RECENTLY_VIEWED,
            "Только на этом устройстве и только с вашего согласия.".into(),
        ),
        Reason::BoughtWith(names) if in_cart => (
            GOES_WITH_CART,
            format!("Кто купил {}, покупал и это.", and_list(names)),
        ),
        Reason::BoughtWith(names) => (
            BOUGHT_TOGETHER,
            format!("Кто купил {}, покупал и это.", and_list(names)),
        ),
        Reason::LikeThis(name) => (
            YOU_MAY_LIKE,
            format!("«{name}» заказывают пока редко, поэтому вот похожие товары."),
        ),
        Reason::SimilarTo(name) => (
            SIMILAR_PRODUCTS,
            format!("Близки к «{name}» по типу, цене и цвету."),
        ),
    }
}

pub const CONSENT_TITLE: &str = "Подстроить магазин под вас?";
pub const CONSENT_TEXT: &str = "Мы будем помнить, что вы смотрите, добавляете и покупаете, — только на этом устройстве, чтобы советовать товары. Никому не передаём.";
pub const CONSENT_YES: &str = "Да, подстроить";
pub const CONSENT_NO: &str = "Нет, спасибо";

pub const PRIVACY_TITLE: &str = "Центр приватности";
pub const PRIVACY_LEAD: &str = "Всё, что магазин помнит о ваших просмотрах, простыми словами. Это хранится в подписанном cookie и в хранилище этого браузера; никогда — на наших серверах, и никому не передаётся.";
pub const PRIVACY_ON: &str = "Персонализация включена.";
pub const PRIVACY_OFF: &str = "Персонализация выключена. Ничего не записывается.";
pub const PRIVACY_UNASKED: &str =
    "Вы ещё не выбрали. Пока вы не согласитесь, ничего не записывается.";
pub const PRIVACY_TURN_ON: &str = "Включить персонализацию";
pub const PRIVACY_WITHDRAW: &str = "Отозвать согласие и удалить";
pub const PRIVACY_NOTHING: &str = "Ничего не записано.";
pub const PRIVACY_EXPORT: &str = "Скачать JSON";
pub const PRIVACY_DELETE: &str = "Удалить всё";
pub const PRIVACY_RECORDED: &str = "Что записано";
pub const PRIVACY_DELETED: &str = "Удалено. Cookie очищен, хранилище браузера пусто.";

/// One recorded event in plain words.
pub fn privacy_event(e: &crate::discovery::profile::Event, now: i64) -> String {
    use crate::discovery::profile::Kind;
    let when = ago(now - e.at);
    match e.kind {
        Kind::View => format!("Вы смотрели «{}» {when}.", e.name),
        Kind::Cart => format!("Вы добавили «{}» в корзину {when}.", e.name),
        Kind::Purchase => format!("Вы купили «{}» {when}.", e.name),
        Kind::Search => format!("Вы искали «{}» {when}.", e.subject),
    }
}

fn ago(seconds: i64) -> String {
    let (n, one, few, many) = match seconds.max(0) {
        0..60 => return "только что".into(),
        s @ 60..3_600 => (s / 60, "минуту", "минуты", "минут"),
        s @ 3_600..86_400 => (s / 3_600, "час", "часа", "часов"),
        s => (s / 86_400, "день", "дня", "дней"),
    };
    format!("{n} {} назад", by_count(n as u64, one, few, many))
}

pub const WISHLIST: &str = "Избранное";
pub const SAVE_TO_WISHLIST: &str = "В избранное";
pub const SAVED_IN_WISHLIST: &str = "Сохранено в избранном";
pub const REMOVE_FROM_WISHLIST: &str = "Убрать из избранного";
pub const WISHLIST_EMPTY: &str =
    "Пока ничего не сохранено. Нажмите на сердечко у товара, чтобы найти его здесь позже.";
pub const BACK_IN_STOCK: &str = "Снова в наличии";
pub const NO_LONGER_AVAILABLE: &str = "Больше не продаётся";
pub const SHARE_WISHLIST: &str = "Поделиться списком";
pub const SHARED_WISHLIST: &str = "Список, которым поделились";
pub const SHARE_LINK_NOTE: &str = "Любой, у кого есть эта ссылка, увидит список таким, каким он был, когда вы им поделились, — без вашего имени. Скопируйте её, чтобы отправить:";
pub const SHARE_LINK: &str = "Ссылка на список";
pub const CHOOSE_OPTIONS: &str = "Выбрать вариант";

pub fn save_named(name: &str) -> String {
    format!("Добавить «{name}» в избранное")
}

pub fn unsave_named(name: &str) -> String {
    format!("Убрать «{name}» из избранного")
}

/// A saved item that costs less than when it was saved.
pub fn price_dropped(was: crate::commerce::Money) -> String {
    format!("Цена снизилась (было {})", money(was))
}

pub fn wishlist_full(max: u32) -> String {
    format!("В избранном помещается до {max} товаров. Уберите один, чтобы сохранить новый.")
}

pub const REVIEWS: &str = "Отзывы";
pub const NO_REVIEWS: &str =
    "Отзывов пока нет. Оставить отзыв могут только те, кто купил этот товар.";
pub const NO_MATCHING_REVIEWS: &str = "Отзывов с такой оценкой пока нет.";
pub const SORT_REVIEWS: &str = "Порядок отзывов";
pub const MOST_HELPFUL: &str = "Самые полезные";
pub const NEWEST: &str = "Новые";
pub const ALL_RATINGS: &str = "Все оценки";
pub const FILTER_REVIEWS: &str = "Показать отзывы";
pub const VERIFIED_PURCHASE: &str = "Подтверждённая покупка";
pub const HELPFUL: &str = "Полезно";
pub const YOU_FOUND_HELPFUL: &str = "Вам это помогло";
pub const REPORT_REVIEW: &str = "Пожаловаться на отзыв";
pub const REPORTED_THANKS: &str = "Спасибо. Магазин посмотрит этот отзыв.";
pub const REVIEWED_PUBLISHED: &str = "Спасибо: ваш отзыв опубликован.";
pub const REVIEWED_PENDING: &str = "Спасибо: отзыв появится здесь, когда магазин его прочитает.";
pub const REVIEWED_DELETED: &str = "Ваш отзыв удалён.";
pub const WRITE_REVIEW: &str = "Написать отзыв";
pub const EDIT_REVIEW: &str = "Изменить отзыв";
pub const YOUR_RATING: &str = "Ваша оценка";
pub const REVIEW_TITLE: &str = "Заголовок";
pub const REVIEW_TEXT: &str = "Ваш отзыв";
pub const NAME_SHOWN: &str = "Подпись";
pub const NAME_SHOWN_HINT: &str = "Имя и первая буква фамилии — так вас увидят другие покупатели.";
pub const PUBLISH_REVIEW: &str = "Опубликовать отзыв";
pub const SAVE_REVIEW: &str = "Сохранить изменения";
pub const DELETE_REVIEW: &str = "Удалить отзыв";
pub const REVIEW_WAITING: &str = "Ваш отзыв ждёт проверки магазином.";
pub const REVIEW_YOUR_PURCHASES: &str = "Оцените покупки";
pub const REVIEW_PRODUCT: &str = "Написать отзыв";
pub const BACK_TO_ORDER: &str = "Вернуться к заказу";
pub const REVIEW_PAGES: &str = "Страницы отзывов";

pub fn reviews_count(n: u32) -> String {
    format!("{n} {}", by_count(n.into(), "отзыв", "отзыва", "отзывов"))
}

pub fn average(tenths: u32) -> String {
    super::number::decimal(Locale::Ru, tenths.into(), 1)
}

pub fn rating_said(tenths: u32, count: u32) -> String {
    format!("Оценка {} из 5, {}", average(tenths), reviews_count(count))
}

pub fn stars_said(stars: u8) -> String {
    format!("Оценка {stars} из 5")
}

pub fn stars_count(stars: u8) -> String {
    format!(
        "{stars} {}",
        by_count(stars.into(), "звезда", "звезды", "звёзд")
    )
}

pub fn found_helpful(n: u32) -> String {
    format!(
        "{n} {} это помогло",
        by_count(n.into(), "человеку", "людям", "людям")
    )
}

pub fn review_of(product: &str) -> String {
    format!("Отзыв: {product}")
}

pub fn review_text_hint(max: u32) -> String {
    format!(
        "Простой текст, до {} символов. Ссылки показываются как текст.",
        thousands(max)
    )
}

/// A count written out with its thousands grouped (4,000).
fn thousands(n: u32) -> String {
    super::number::decimal(Locale::Ru, n.into(), 0)
}

pub fn review_problem(p: &crate::commerce::reviews::ReviewProblem) -> String {
    use crate::commerce::reviews::ReviewProblem as R;
    match p {
        R::Stars => "Выберите оценку от 1 до 5 звёзд.".into(),
        R::TitleNeeded => "Добавьте заголовок отзыва.".into(),
        R::TitleTooLong { max } => format!("Заголовок — не больше {} символов.", count(*max)),
        R::TextTooShort { min } => format!("Напишите хотя бы {} символов.", count(*min)),
        R::TextTooLong { max } => format!(
            "Отзыв длиннее {} символов — сократите его, пожалуйста.",
            thousands(*max)
        ),
        R::Markup => "Отзыв — это простой текст: уберите HTML и скрипты.".into(),
        R::Name => "Укажите подпись: буквы, пробелы, точки и дефисы, не больше 40 символов.".into(),
        R::NotBought => {
            "Отзыв могут оставить только купившие этот товар, а в этом заказе его не было.".into()
        }
        R::NotDelivered => "Отзыв можно оставить, когда заказ будет доставлен.".into(),
        R::AlreadyReviewed => {
            "Вы уже оставили отзыв на этот товар по этому заказу. Его можно изменить.".into()
        }
        R::AlreadyVoted => "Вы уже отметили этот отзыв как полезный.".into(),
        R::AlreadyReported => "Вы уже пожаловались на этот отзыв; магазин его посмотрит.".into(),
        R::Gone => "Этот отзыв больше не показывается.".into(),
    }
}

// The privacy centre's statistics section (api/events.rs, pages/privacy.rs).
pub const ACTIVITY_TITLE: &str = "В собственной статистике магазина";
pub fn activity_count(count: u64) -> String {
    if count == 0 {
        return "Под идентификатором этого браузера ничего не записано.".into();
    }
    let word = by_count(count, "шаг", "шага", "шагов");
    format!("{count} {word} (страницы, поиски, корзина, заказы) записано под идентификатором этого браузера.")
}
pub const ACTIVITY_NOTE: &str = "Без вашего согласия или при включённых «Не отслеживать» и Global Privacy Control магазин считает только то, что посещено, но не кем. Ничего не передаётся другим. Удаление данных выше или отзыв согласия удаляет и это.";

// Bundles (api/bundles.rs, components/buy_together.rs).
pub const SET_TITLE: &str = "Часто покупают вместе";
pub fn bundle_title(percent: u32) -> String {
    format!("Вместе дешевле на {percent}%")
}
pub fn add_set(count: usize) -> &'static str {
    if count >= 3 {
        "Добавить все три в корзину"
    } else {
        "Добавить оба в корзину"
    }
}
pub fn set_total(total: &str, varies: bool) -> String {
    if varies {
        format!("Вместе от {total}")
    } else {
        format!("Вместе {total}")
    }
}
pub fn you_save(amount: &str) -> String {
    format!("Вы экономите {amount}")
}
pub fn option_for(name: &str) -> String {
    format!("Вариант: {name}")
}
pub const AFTER_SAVINGS: &str = "Со скидкой";
pub fn saving_label(label: &str, percent: Option<u32>) -> String {
    match percent {
        Some(p) => format!("Набор: {label} (−{p}%)"),
        None => label.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_agree_with_their_number() {
        assert_eq!(items(1), "1 товар");
        assert_eq!(items(3), "3 товара");
        assert_eq!(items(5), "5 товаров");
        assert_eq!(items(21), "21 товар");
        assert_eq!(ago(120), "2 минуты назад");
        assert_eq!(ago(11 * 3_600), "11 часов назад");
    }
}
