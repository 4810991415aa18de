#!/usr/bin/env python3
"""Drives the web interface (issue 8) in headless Debian chromium with selenium.

Run by scripts/browser-test.sh, which starts `hoso serve` on a small generated dataset and sets:
HOSO_URL, HOSO_OFFICER_KEY, HOSO_RECRUITER_KEY, HOSO_ADMIN_KEY, HOSO_SELF_KEY, HOSO_SELF_ID,
HOSO_SCREENSHOTS (directory). Each step prints what it checked; the first failure stops the run
with the step's name, what was expected and what the page showed.
"""

import json
import os
import sys
import time
import unicodedata
import urllib.parse
import urllib.request

from selenium import webdriver
from selenium.common.exceptions import StaleElementReferenceException, TimeoutException
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

URL = os.environ["HOSO_URL"]
KEYS = {role: os.environ[f"HOSO_{role.upper()}_KEY"] for role in ("officer", "recruiter", "admin", "self")}
SELF_ID = os.environ["HOSO_SELF_ID"]
SHOTS = os.environ.get("HOSO_SCREENSHOTS", "docs/screenshots")
CANDIDATES = ["tran thi thu", "nguyen thi thu", "nguyen van hung", "nguyen thi lan", "nguyen van nam"]


def fold(text):
    """Accent-insensitive form, as the page folds: NFD, no marks, đ → d, lower case."""
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("đ", "d").replace("Đ", "d").lower()


def api(path, role):
    request = urllib.request.Request(URL + path, headers={"Authorization": "Bearer " + KEYS[role]})
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.load(response)


def pick_name():
    """An unaccented name whose first whole-word result is exactly that name, accented; and the
    person of that name with the most agencies in their career (for the card screenshot)."""
    for name in CANDIDATES:
        body = api("/v1/search?" + urllib.parse.urlencode({"name": name, "limit": 20}), "officer")
        same = [h for h in body["hits"] if fold(h["person"]["full_name"]).split() == name.split()]
        first = same[0] if same else None
        if first and first["person"]["full_name"] != first["person"]["full_name"].upper():
            agencies = lambda h: len({w["agency"] for w in h["person"].get("work_history", [])})
            showcase = max(same, key=agencies)
            return name, first["person"]["full_name"], first["id"], showcase["id"], showcase["person"]["full_name"]
    raise SystemExit(f"no candidate name {CANDIDATES} has an exact, accented person in the dataset")


class Page:
    def __init__(self):
        options = Options()
        options.binary_location = os.environ.get("CHROMIUM", "/usr/bin/chromium")
        for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                         "--window-size=1280,900", "--lang=vi-VN", "--force-device-scale-factor=1",
                         "--hide-scrollbars"):
            options.add_argument(argument)
        service = Service(executable_path=os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver"))
        self.driver = webdriver.Chrome(service=service, options=options)
        self.driver.set_page_load_timeout(20)

    def wait(self, what, condition, timeout=10):
        try:
            return WebDriverWait(self.driver, timeout, poll_frequency=0.05,
                                 ignored_exceptions=[StaleElementReferenceException]).until(lambda d: condition())
        except TimeoutException:
            error = self.text("error") if self.visible("error") else "(no error shown)"
            raise AssertionError(f"timed out waiting for {what}; error box: {error}; count: {self.text('count')!r}")

    def el(self, element_id):
        return self.driver.find_element(By.ID, element_id)

    def text(self, element_id):
        return self.el(element_id).text

    def visible(self, element_id):
        return self.el(element_id).is_displayed()

    def js(self, script, *args):
        return self.driver.execute_script(script, *args)

    def active_id(self):
        return self.js("return document.activeElement && (document.activeElement.id || document.activeElement.dataset.id || '')")

    def open(self):
        self.driver.get(URL + "/")
        self.wait("the page", lambda: self.visible("key"))

    def use_key(self, key):
        if self.visible("key-forget"):
            self.el("key-forget").click()
        field = self.el("key")
        field.clear()
        field.send_keys(key)
        field.send_keys(Keys.ENTER)

    def type_query(self, text):
        box = self.el("q")
        box.clear()
        self.js("arguments[0].value = ''; arguments[0].dispatchEvent(new Event('input', {bubbles: true}))", box)
        box.send_keys(text)

    def settled(self, typed):
        """Waits until the results shown are those of `typed` (the name box) and none is loading."""
        results = self.el("results")
        self.wait(f"the results for {typed!r}", lambda: results.get_attribute("data-name") == typed.strip()
                  and results.get_attribute("aria-busy") == "false")

    def hits(self):
        return self.driver.find_elements(By.CSS_SELECTOR, "#results .hit")

    def shot(self, name, full_page=True, height=None):
        """Saves a screenshot: of the window, of the first `height` pixels of the page, or with
        full_page of the whole page height."""
        path = os.path.join(SHOTS, name)
        if full_page or height:
            size = self.driver.get_window_size()
            chrome = size["height"] - self.js("return window.innerHeight")
            if not height:
                height = self.js("return Math.ceil(document.documentElement.scrollHeight)")
            self.driver.set_window_size(size["width"], min(max(height, 300), 2400) + chrome)
            time.sleep(0.15)
            self.driver.save_screenshot(path)
            self.driver.set_window_size(size["width"], size["height"])
        else:
            self.driver.save_screenshot(path)
        print(f"  screenshot {path}")

    def quit(self):
        self.driver.quit()


def step(name):
    print(f"- {name}")


def main():
    started = time.monotonic()
    name, accented, person_id, showcase_id, showcase_name = pick_name()
    print(f"dataset: typing {name!r}, expecting {accented!r} ({person_id}) first; card of {showcase_name} ({showcase_id})")
    page = Page()
    try:
        run(page, name, accented, person_id, (showcase_id, showcase_name))
    finally:
        page.quit()
    print(f"all browser checks passed in {time.monotonic() - started:.1f} s")


def run(page, name, accented, person_id, showcase):
    step("an invalid key is refused in plain words, with the server's message")
    page.open()
    assert page.visible("intro"), "the introduction is shown before a key is given"
    page.use_key("k_not_a_real_key_0000000000")
    page.wait("the error box", lambda: page.visible("error"))
    error = page.text("error")
    assert "Khóa truy cập không đúng" in error, f"plain words missing: {error!r}"
    assert "HTTP 401" in error, f"the server's message and status are shown: {error!r}"
    assert not page.visible("search-view"), "no search without a valid key"
    assert page.js("return sessionStorage.getItem('hoso.key')") is None, "a refused key is not kept"
    page.shot("invalid-key.png", full_page=False)

    step("an officer key opens the search; the key is kept only in sessionStorage")
    page.use_key(KEYS["officer"])
    page.wait("the search box", lambda: page.visible("search-view"))
    assert not page.visible("error"), "the earlier error is cleared"
    assert page.active_id() == "q", f"focus moves to the search box, not {page.active_id()!r}"
    assert page.js("return sessionStorage.getItem('hoso.key')") == KEYS["officer"]
    assert page.js("return localStorage.length") == 0, "nothing in localStorage"
    assert page.js("return document.cookie") == "", "no cookies"

    step(f"typing {name!r} without accents shows {accented!r} first, with tier badge, highlight and total")
    page.js("""window.__searches = [];
        const original = window.fetch;
        window.fetch = (url, init) => { if (String(url).startsWith('/v1/search')) window.__searches.push(String(url)); return original(url, init); };""")
    page.type_query(name)
    page.settled(name)
    assert page.hits() and "Tìm thấy" in page.text("count"), page.text("count")
    first = page.hits()[0]
    shown = first.find_element(By.CLASS_NAME, "hit-name").text
    assert shown == accented, f"first hit is {shown!r}, expected {accented!r}"
    badge = first.find_element(By.CLASS_NAME, "badge")
    assert badge.get_attribute("data-tier") in ("exact", "tone", "folded"), badge.get_attribute("data-tier")
    assert badge.text == {"exact": "Đúng chính tả", "tone": "Khác dấu thanh", "folded": "Không dấu"}[badge.get_attribute("data-tier")]
    marks = [m.text for m in first.find_elements(By.CSS_SELECTOR, ".hit-name mark")]
    assert [fold(m) for m in marks] == name.split(), f"highlighted {marks}, expected the words of {name!r}"
    count = page.text("count")
    assert count.startswith("Tìm thấy ") and any(ch.isdigit() for ch in count), count
    assert page.el("count").get_attribute("aria-live") == "polite"
    searches = page.js("return window.__searches")
    assert 1 <= len(searches) < len(name), f"as-you-type is debounced: {len(searches)} requests for {len(name)} keystrokes"
    assert all("prefix=1" in s for s in searches), searches
    assert "Quê quán:" in first.text and "—" in first.text, f"hometown, position and agency shown in the hit: {first.text!r}"
    print(f"  {count} first: {shown} [{badge.text}]; {len(searches)} search request(s) for {len(name)} keystrokes")
    page.shot("search.png", full_page=False, height=1150)

    step("highlighting folds accents and đ: 'nguyen duc l' marks Nguyễn, Đức and the L of the given name")
    page.type_query("nguyen duc l")
    page.settled("nguyen duc l")
    assert page.hits(), page.text("count")
    for hit in page.hits():
        marks = sorted(fold(m.text) for m in hit.find_elements(By.CSS_SELECTOR, ".hit-name mark"))
        name_shown = hit.find_element(By.CLASS_NAME, "hit-name").text
        assert set(marks) == {"duc", "l", "nguyen"}, f"{name_shown}: highlighted {marks}"
    page.type_query("Nguyê")
    page.settled("Nguyê")
    marks = page.hits()[0].find_elements(By.CSS_SELECTOR, ".hit-name mark")
    assert marks and marks[0].text == "Nguyễ", [m.text for m in marks]

    step("accented input ranks the exact spelling with the 'Đúng chính tả' badge")
    page.type_query(accented)
    page.settled(accented)
    assert page.hits()[0].find_element(By.CLASS_NAME, "badge").get_attribute("data-tier") == "exact"

    step("filters: birth year narrows the results; a malformed year is flagged without a request")
    page.type_query(name)
    page.settled(name)
    total_before = page.text("count")
    born = page.el("f-born")
    results = page.el("results")
    born.send_keys("19")
    page.wait("born marked invalid", lambda: born.get_attribute("aria-invalid") == "true")
    assert not page.hits(), "no results are shown for a malformed year"
    born.send_keys("60-1979")
    page.wait("results born 1960-1979", lambda: results.get_attribute("data-born") == "1960-1979" and results.get_attribute("aria-busy") == "false")
    assert born.get_attribute("aria-invalid") == "false"
    years = [int(t.split("sinh ")[1][:4]) for t in (m.text for m in page.driver.find_elements(By.CSS_SELECTOR, "#results .hit-meta")) if "sinh " in t]
    assert years and all(1960 <= y <= 1979 for y in years), f"birth years shown: {years}"
    assert page.text("count") != total_before, f"the filter narrows {total_before!r}"
    print(f"  born=1960-1979: {page.text('count')} (was {total_before})")
    born.clear()
    page.js("arguments[0].dispatchEvent(new Event('input', {bubbles: true}))", born)
    page.wait("results after clearing the filter", lambda: results.get_attribute("data-born") == "" and page.text("count") == total_before)

    step("keyboard: ↓ from the search box reaches the first result, Enter opens its card, focus on its title")
    page.wait("first result", lambda: page.hits()[0].find_element(By.CLASS_NAME, "hit-name").text == accented)
    page.el("q").send_keys(Keys.ARROW_DOWN)
    assert page.active_id() == person_id, f"focus on the first result, not {page.active_id()!r}"
    page.driver.switch_to.active_element.send_keys(Keys.ENTER)
    page.wait("the card", lambda: page.visible("card-view") and page.text("card-title") == accented)
    assert page.active_id() == "card-title", f"focus moves to the card title, not {page.active_id()!r}"

    step("the officer's card shows the national id and the work history; no audit section")
    page.wait("the timeline", lambda: page.visible("history") and page.driver.find_elements(By.CSS_SELECTOR, "#timeline li"))
    national = page.driver.find_elements(By.CSS_SELECTOR, "#card-fields [data-field=national_id] dd")
    assert national and national[0].text.isdigit() and len(national[0].text) == 12, "national id shown to an officer"
    posts = page.driver.find_elements(By.CSS_SELECTOR, "#timeline li")
    assert "nay" in posts[0].text or "–" in posts[0].text, posts[0].text
    time.sleep(0.3)
    assert not page.visible("audit"), "only admins see the audit trail"
    print(f"  national id {national[0].text[:3]}…; {len(posts)} post(s) in the timeline")

    step("a card opened by its address (Back works); a career across agencies shows its transfers")
    page.js("location.hash = arguments[0]", "#ho-so/" + showcase[0])
    page.wait("the showcase card", lambda: page.text("card-title") == showcase[1])
    page.wait("its timeline", lambda: page.driver.find_elements(By.CSS_SELECTOR, "#timeline li"))
    posts = page.driver.find_elements(By.CSS_SELECTOR, "#timeline li")
    transfers = page.driver.find_elements(By.CSS_SELECTOR, "#timeline .badge-transfer")
    print(f"  {len(posts)} post(s), {len(transfers)} transfer(s)")
    page.shot("person-card.png")
    page.driver.back()
    page.wait("the first card again", lambda: page.text("card-title") == accented)

    step("agency names then and now, when the history carries them, are shown beside the post")
    # The history route may add "agency_now" per post (the agency's name today); until it does,
    # this step feeds the page such a response to check both the present and the absent case.
    page.js("""const original = window.fetch;
        window.__restoreFetch = () => { window.fetch = original; };
        window.fetch = async (url, init) => {
          const response = await original(url, init);
          if (!String(url).endsWith('/history') || !response.ok) return response;
          const body = await response.json();
          body.timeline.forEach((post, i) => { if (i === 0) post.agency_now = 'Trường Tiểu học Hòa Bình (tên mới)'; });
          return new Response(JSON.stringify(body), {status: 200, headers: {'Content-Type': 'application/json'}});
        };""")
    page.js("location.hash = arguments[0]", "#ho-so/" + showcase[0])
    page.wait("the showcase card", lambda: page.text("card-title") == showcase[1]
              and page.driver.find_elements(By.CSS_SELECTOR, "#timeline li"))
    notes = [n.text for n in page.driver.find_elements(By.CSS_SELECTOR, "#timeline .names")]
    assert notes == ["Nay là: Trường Tiểu học Hòa Bình (tên mới)"], f"one post names its agency today: {notes}"
    page.js("window.__restoreFetch()")
    page.driver.back()
    page.wait("the first card again", lambda: page.text("card-title") == accented)

    step("back to the results returns focus to the opened result")
    page.el("back").click()
    page.wait("the results", lambda: page.visible("search-view"))
    assert page.active_id() == person_id, f"focus back on the opened result, not {page.active_id()!r}"

    step("a recruiter key hides the national id but shows the work history")
    page.use_key(KEYS["recruiter"])
    page.wait("the search box", lambda: page.visible("search-view"))
    page.type_query(name)
    page.settled(name)
    assert page.hits()[0].find_element(By.CLASS_NAME, "hit-name").text == accented
    assert "CCCD" not in page.hits()[0].text, "no national id in a recruiter's results"
    page.driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                                {"width": 375, "height": 812, "deviceScaleFactor": 2, "mobile": True})
    time.sleep(0.2)
    width = page.js("return document.documentElement.scrollWidth")
    assert width <= 375, f"the search page is {width}px wide at 375px: it scrolls sideways"
    page.shot("search-phone.png", full_page=False)
    page.driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    page.hits()[0].click()
    page.wait("the card", lambda: page.visible("card-view") and page.text("card-title") == accented)
    page.wait("the timeline", lambda: page.driver.find_elements(By.CSS_SELECTOR, "#timeline li"))
    assert not page.driver.find_elements(By.CSS_SELECTOR, "#card-fields [data-field=national_id]"), "national id hidden from a recruiter"
    assert "Số định danh" in page.text("card-hidden"), page.text("card-hidden")

    step("an admin key sees who looked this person up")
    page.use_key(KEYS["admin"])
    page.wait("the search box", lambda: page.visible("search-view"))
    page.driver.get(URL + "/#ho-so/" + urllib.parse.quote(person_id))
    page.wait("the card", lambda: page.visible("card-view") and page.text("card-title") == accented)
    page.wait("the audit trail", lambda: page.visible("audit") and page.driver.find_elements(By.CSS_SELECTOR, "#audit-rows tr"))
    trail = page.text("audit-rows")
    assert "Cán bộ xác minh" in trail and "Nhà tuyển dụng" in trail, f"the officer's and recruiter's views are listed: {trail!r}"
    assert f"name={name}" in trail, f"search parameters are shown decoded: {trail!r}"
    assert page.text("who") == "Khóa quản trị viên", page.text("who")
    page.shot("audit-trail.png")

    step("a self key at phone width (375 px) shows the own record, readable without sideways scrolling")
    page.driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                                {"width": 375, "height": 812, "deviceScaleFactor": 2, "mobile": True})
    page.use_key(KEYS["self"])
    page.wait("the own record", lambda: page.visible("card-view") and page.text("card-title"))
    assert not page.visible("search-view"), "a self key has no search"
    assert not page.visible("back"), "no 'back to results' for a self key"
    page.wait("the own timeline", lambda: page.visible("history"))
    own = page.driver.find_elements(By.CSS_SELECTOR, "#card-fields [data-field=id] dd")
    assert own and own[0].text == SELF_ID, f"the record of {SELF_ID}"
    width = page.js("return document.documentElement.scrollWidth")
    assert width <= 375, f"the page is {width}px wide at 375px: it scrolls sideways"
    font = page.js("return parseFloat(getComputedStyle(document.querySelector('#card-fields dd')).fontSize)")
    assert font >= 14, f"body text {font}px is too small on a phone"
    page.js("window.scrollTo(0, 0)")
    page.driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                                {"width": 375, "height": min(page.js("return document.documentElement.scrollHeight"), 2000),
                                 "deviceScaleFactor": 2, "mobile": True})
    time.sleep(0.2)
    page.shot("self-phone.png", full_page=False)
    page.driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})

    step("forgetting the key clears the session")
    page.el("key-forget").click()
    assert page.js("return sessionStorage.getItem('hoso.key')") is None
    assert page.visible("intro")


if __name__ == "__main__":
    try:
        main()
    except AssertionError as failure:
        print(f"FAILED: {failure}", file=sys.stderr)
        sys.exit(1)
