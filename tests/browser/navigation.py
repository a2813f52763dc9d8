"""Clicks that lead to another page, and return only once that page has loaded; signing in to the
admin, which is one of them.

`page.click` returns when the click is done, not when the next page is there, and `is_visible()`,
`count()`, `inner_text()` and `page.url` do not wait: a check right after a click may read the old
page, or the new one half loaded. CI failed that way on checks that passed on a quicker run.
"""


def follow(page, target, **click_options):
    """Click `target` (a selector or a Locator) and wait until the page it leads to has loaded."""
    with page.expect_navigation(wait_until="load"):
        if isinstance(target, str):
            page.click(target, **click_options)
        else:
            target.click(**click_options)
    return page


def press_and_follow(page, key):
    """Press `key` (Enter in a form) and wait until the page it leads to has loaded."""
    with page.expect_navigation(wait_until="load"):
        page.keyboard.press(key)
    return page


def sign_in(page, site, account, next_path="", ready="#content"):
    """Sign in to the admin on `page` as `account` (username, password), then wait for `ready`."""
    page.goto(f"{site}/admin/login/" + (f"?next={next_path}" if next_path else ""))
    page.fill("#id_username", account[0])
    page.fill("#id_password", account[1])
    follow(page, "input[type=submit]")
    page.wait_for_selector(ready)
    return page
