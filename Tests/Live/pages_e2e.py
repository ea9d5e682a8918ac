#!/usr/bin/env python3
"""The service's pages in a real browser: Playwright for Python driving the distribution's
Chromium against a live `sakip-serve` on loopback.

Usage: python3 Tests/Live/pages_e2e.py SAKIP_SERVE SAKIP [SCREENSHOT_DIR]

An agency fills and saves answers (with and without JavaScript) and uploads a workbook with
one bad letter; an evaluator sets final answers, sees over-claims and meets a conflict; the
office locks and publishes; the agency then sees its result; every role is refused another
region's pages. Each page visited is checked for labelled controls, one h1, and WCAG AA text
contrast. Screenshots of each role's main page go to SCREENSHOT_DIR.
"""
import json, os, re, shutil, subprocess, sys, tempfile, time, urllib.request, zipfile
from playwright.sync_api import sync_playwright, expect

SERVE, SAKIP = sys.argv[1], sys.argv[2]
SHOTS = sys.argv[3] if len(sys.argv) > 3 else None
PORT = 18475
BASE = f"http://127.0.0.1:{PORT}"
PASSWORD = "rahasia-sekali"
passed, failed = 0, 0


def check(name, condition, detail=""):
    global passed, failed
    if condition:
        passed += 1
    else:
        failed += 1
        print(f"FAIL {name} {detail}", flush=True)


def api(method, path, token, body=None, raw=None, headers=None):
    data = raw if raw is not None else (json.dumps(body).encode() if body is not None else None)
    request = urllib.request.Request(BASE + path, data=data, method=method)
    request.add_header("Authorization", f"Bearer {token}")
    if body is not None:
        request.add_header("Content-Type", "application/json")
    for key, value in (headers or {}).items():
        request.add_header(key, value)
    with urllib.request.urlopen(request) as response:
        return response.status


def start(folder):
    data = os.path.join(folder, "data")
    subprocess.run([SERVE, "users", "add", "office", "--role", "office", "--password-stdin", "--data", data],
                   input=PASSWORD + "\n", text=True, check=True, capture_output=True)
    token = subprocess.run([SERVE, "users", "token", "office", "--data", data], text=True, check=True,
                           capture_output=True).stdout.strip().splitlines()[-1]
    log = open(os.path.join(folder, "log"), "w")
    server = subprocess.Popen([SERVE, "--data", data, "--port", str(PORT)], stdout=log, stderr=log)
    for _ in range(100):
        try:
            urllib.request.urlopen(BASE + "/health")
            break
        except OSError:
            time.sleep(0.1)
    return server, token


def seed(token):
    api("POST", "/api/v1/periods", token, {"year": 2024, "rubric": "permenpanrb-88-2021"})
    for agency, name, region in [("kota-bandung", "Pemerintah Kota Bandung", "Jawa Barat"),
                                 ("kab-bandung", "Pemerintah Kabupaten Bandung", "Jawa Barat"),
                                 ("kab-merauke", "Pemerintah Kabupaten Merauke", "Papua Selatan")]:
        api("PUT", f"/api/v1/agencies/{agency}", token, {"name": name, "region": region})
    for user in [{"username": "bandung", "role": "agency", "agency": "kota-bandung"},
                 {"username": "merauke", "role": "agency", "agency": "kab-merauke"},
                 {"username": "eval-jabar", "role": "evaluator", "regions": ["Jawa Barat"]},
                 {"username": "viewer", "role": "viewer"}]:
        api("POST", "/api/v1/users", token, dict(user, password=PASSWORD))
    # Two other partners' final answers, so that the ranking has company.
    for path in ["samples/partners/2024/kab-bandung.xml", "samples/kab-merauke-2024.xml"]:
        with open(path, "rb") as handle:
            api("POST", "/api/v1/periods/2024/submissions", token, raw=handle.read(), headers={"X-Filename": os.path.basename(path)})


# Checks every page visited gets: each visible control has a label, one h1, AA contrast.
AUDIT = r"""
() => {
  const problems = [];
  for (const el of document.querySelectorAll('input:not([type=hidden]), select, textarea')) {
    const named = (el.labels && el.labels.length) || el.getAttribute('aria-label');
    if (!named) problems.push('unlabelled ' + el.outerHTML.slice(0, 80));
  }
  if (document.querySelectorAll('h1').length !== 1) problems.push('h1 count ' + document.querySelectorAll('h1').length);
  const parse = c => (c.match(/[\d.]+/g) || []).map(Number);
  const lum = ([r, g, b]) => { const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
                               return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b); };
  const background = el => { for (let e = el; e; e = e.parentElement) { const c = parse(getComputedStyle(e).backgroundColor);
                               if (c.length === 3 || (c.length === 4 && c[3] > 0.5)) return c.slice(0, 3); } return [255, 255, 255]; };
  for (const el of document.querySelectorAll('body *')) {
    const text = [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
    const style = getComputedStyle(el);
    if (!text || style.display === 'none' || style.visibility === 'hidden' || el.offsetParent === null && el.tagName !== 'BODY') continue;
    if (el.closest('option, .skip')) continue;
    const fg = parse(style.color).slice(0, 3), bg = background(el);
    const [a, b] = [lum(fg), lum(bg)].sort((x, y) => y - x);
    const ratio = (a + 0.05) / (b + 0.05);
    const large = parseFloat(style.fontSize) >= 24 || (parseFloat(style.fontSize) >= 18.6 && parseInt(style.fontWeight) >= 700);
    if (ratio < (large ? 3 : 4.5)) problems.push(`contrast ${ratio.toFixed(2)} ${el.tagName} "${el.textContent.trim().slice(0, 30)}"`);
  }
  return problems;
}
"""


def audit(page, name):
    problems = page.evaluate(AUDIT)
    check(f"audit {name}", not problems, "; ".join(problems[:5]))
    # No request to another host: every script, style and image is the service's own.
    check(f"same host {name}", all(r.startswith(BASE) for r in page.evaluate("() => performance.getEntriesByType('resource').map(r => r.name)")))


def refused(page, path, status, name):
    """The page at `path` answers `status` (404: not even its existence is shown; 403: not this role's)."""
    response = page.goto(BASE + path)
    check(name, response.status == status, f"{path}: {response.status}")


def shot(page, name):
    if SHOTS:
        page.screenshot(path=os.path.join(SHOTS, name + ".png"), full_page=False)


def sign_in(context, user):
    page = context.new_page()
    page.goto(BASE + "/")
    expect(page).to_have_url(re.compile(r"/signin\?next="))
    page.get_by_label("Nama pengguna").fill(user)
    page.get_by_label("Kata sandi").fill(PASSWORD)
    page.get_by_role("button", name="Masuk").click()
    return page


def bad_workbook(template, folder):
    """The downloaded LKE with a letter off the scale typed into 1.2.1's self-assessment (D12)."""
    out = os.path.join(folder, "lke-bandung.xlsx")
    with zipfile.ZipFile(template) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet2.xml":
                text = data.decode()
                row = re.search(r'<c r="A(\d+)"[^>]*><is><t[^>]*>1\.2\.1<', text).group(1)
                cell = f'<c r="D{row}" t="inlineStr"><is><t>Q</t></is></c>'
                text = re.sub(rf'<c r="D{row}"[^>]*>.*?</c>', "", text)
                text = text.replace(f'<c r="E{row}"', cell + f'<c r="E{row}"', 1)
                data = text.encode()
            target.writestr(item, data)
    return out, f"D{row}"


def main():
    folder = tempfile.mkdtemp()
    if SHOTS:
        os.makedirs(SHOTS, exist_ok=True)
    server, token = start(folder)
    try:
        seed(token)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=shutil.which("chromium") or "/usr/bin/chromium",
                                        args=["--no-sandbox", "--disable-gpu"])
            run(browser, folder)
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=10)
        log = open(os.path.join(folder, "log")).read()
        check("no 5xx in the server log", not re.search(r" 5\d\d ", log), "\n".join(l for l in log.splitlines() if re.search(r" 5\d\d ", l))[:800])
        shutil.rmtree(folder, ignore_errors=True)
    print(f"pages: {passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


def run(browser, folder):
    desk = {"viewport": {"width": 1366, "height": 768}, "accept_downloads": True}
    # --- The agency fills its self-assessment.
    agency = browser.new_context(**desk)
    page = sign_in(agency, "bandung")
    expect(page).to_have_url(BASE + "/periods/2024/agencies/kota-bandung")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Pemerintah Kota Bandung")
    audit(page, "agency LKE")
    page.get_by_label("Jawaban 1.1.1", exact=True).select_option("A")
    page.get_by_label("Catatan 1.1.1", exact=True).fill("Renstra 2021-2026 tersedia")
    page.get_by_label("Bukti dukung 1.1.1", exact=True).fill("https://e-sakip.example/renstra.pdf")
    page.get_by_role("button", name="Simpan 1.1.1", exact=True).click()
    expect(page.locator("#c-1-1-1 .status")).to_have_text("Tersimpan")
    check("saved without a reload", page.url.endswith("/periods/2024/agencies/kota-bandung"), page.url)
    for criterion, letter in [("1.1.2", "AA"), ("1.1.3", "AA"), ("1.2.1", "A")]:
        page.get_by_label(f"Jawaban {criterion}", exact=True).select_option(letter)
        page.get_by_role("button", name=f"Simpan {criterion}", exact=True).click()
        expect(page.locator(f"#c-{criterion.replace('.', '-')} .status")).to_have_text("Tersimpan")
    page.reload()
    expect(page.get_by_label("Jawaban 1.1.1", exact=True)).to_have_value("A")
    expect(page.get_by_label("Catatan 1.1.1", exact=True)).to_have_value("Renstra 2021-2026 tersedia")
    expect(page.locator(".summary")).to_contain_text("Terjawab: 4 / 80")
    # Without JavaScript the form posts and the page comes back at the criterion.
    plain = browser.new_context(java_script_enabled=False, **desk)
    nojs = sign_in(plain, "bandung")
    nojs.get_by_role("link", name=re.compile("^2 Pengukuran Kinerja")).click()
    nojs.get_by_label("Jawaban 2.1.1", exact=True).select_option("BB")
    nojs.get_by_role("button", name="Simpan 2.1.1", exact=True).click()
    expect(nojs.locator(".flash")).to_have_text("2.1.1 tersimpan.")
    check("no-JS save returns to the criterion", nojs.url.endswith("#c-2-1-1"), nojs.url)
    plain.close()
    # The workbook: downloaded filled, one bad letter typed, uploaded: refused at its cell.
    with page.expect_download() as download:
        page.get_by_role("link", name="Unduh LKE (xlsx), terisi dengan yang tersimpan").click()
    template = os.path.join(folder, "template.xlsx")
    download.value.save_as(template)
    check("template is a workbook", zipfile.is_zipfile(template))
    bad, cell = bad_workbook(template, folder)
    page.get_by_label("Unggah LKE yang sudah diisi (xlsx), CSV atau XML").set_input_files(bad)
    page.get_by_role("button", name="Unggah", exact=True).click()
    errors = page.locator(".upload-errors")
    expect(errors).to_contain_text(f"lke-bandung.xlsx:LKE!{cell}")
    expect(errors).to_contain_text("'Q'")
    audit(page, "agency upload refused")
    shot(page, "agency-upload-refused")
    page.goto(BASE + "/periods/2024/agencies/kota-bandung")
    expect(page.locator(".summary")).to_contain_text("Terjawab: 5 / 80")
    # A file of evidence goes with its answer (a plain multipart post) and opens as a download.
    evidence = os.path.join(folder, "renja-2024.pdf")
    with open(evidence, "wb") as handle:
        handle.write(b"%PDF-1.4\n% Rencana Kerja 2024\n")
    page.get_by_label("Jawaban 1.1.4", exact=True).select_option("BB")
    page.get_by_label("Atau lampirkan berkas bukti dukung 1.1.4", exact=True).set_input_files(evidence)
    page.get_by_role("button", name="Simpan 1.1.4", exact=True).click()
    expect(page.locator(".flash")).to_have_text("1.1.4 tersimpan.")
    with page.expect_download() as download:
        page.locator("#c-1-1-4").get_by_role("link", name="Buka bukti dukung (tab baru)").click()
    kept = os.path.join(folder, "kept.pdf")
    download.value.save_as(kept)
    check("evidence downloaded as sent", open(kept, "rb").read() == open(evidence, "rb").read())
    check("evidence keeps its name", download.value.suggested_filename == "renja-2024.pdf", download.value.suggested_filename)
    page.goto(BASE + "/periods/2024/agencies/kota-bandung")
    shot(page, "agency-lke")
    phone = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    small = sign_in(phone, "bandung")
    expect(small.get_by_label("Jawaban 1.1.1", exact=True)).to_be_visible()
    check("no sideways scroll on a phone", small.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth + 1"),
          str(small.evaluate("() => document.documentElement.scrollWidth")))
    shot(small, "agency-lke-phone")
    phone.close()
    # The agency is refused another region's agency (404) and the office's pages (403).
    refused(page, "/periods/2024/agencies/kab-merauke", 404, "agency: another agency is 404")
    refused(page, "/office", 403, "agency: office is 403")

    # --- The evaluator verifies: its agencies, the self-assessment beside, a conflict.
    evaluator = browser.new_context(**desk)
    page = sign_in(evaluator, "eval-jabar")
    expect(page).to_have_url(BASE + "/periods/2024/agencies")
    rows = page.locator("table.progress-table tbody tr")
    expect(rows).to_have_count(2)
    expect(page.get_by_role("row", name=re.compile("Pemerintah Kota Bandung"))).to_contain_text("6/80")
    audit(page, "evaluator agencies")
    shot(page, "evaluator-agencies")
    page.get_by_role("link", name="Pemerintah Kota Bandung").click()
    page.get_by_role("link", name="final").click()
    expect(page.locator("p.meta")).to_contain_text("final")
    page.get_by_label("Jawaban 1.1.2", exact=True).select_option("B")
    page.get_by_role("button", name="Simpan 1.1.2", exact=True).click()
    expect(page.locator("#c-1-1-2 .status")).to_have_text("Tersimpan")
    page.reload()
    expect(page.locator("#c-1-1-2")).to_have_class(re.compile("overclaim"))
    expect(page.locator("#c-1-1-2 .beside")).to_contain_text("mandiri: AA")
    audit(page, "evaluator LKE")
    shot(page, "evaluator-lke")
    # The office sets 1.1.3's final answer while the evaluator's page is open.
    office = browser.new_context(**desk)
    desk_page = sign_in(office, "office")
    desk_page.goto(BASE + "/periods/2024/agencies/kota-bandung?stage=final")
    desk_page.get_by_label("Jawaban 1.1.3", exact=True).select_option("AA")
    desk_page.get_by_role("button", name="Simpan 1.1.3", exact=True).click()
    expect(desk_page.locator("#c-1-1-3 .status")).to_have_text("Tersimpan")
    page.get_by_label("Jawaban 1.1.3", exact=True).select_option("CC")
    page.get_by_label("Catatan 1.1.3", exact=True).fill("dokumen belum ditetapkan")
    page.get_by_role("button", name="Simpan 1.1.3", exact=True).click()
    conflict = page.locator("#c-1-1-3 .conflict")
    expect(conflict).to_contain_text("AA")
    expect(conflict).to_contain_text("office")
    expect(page.get_by_label("Jawaban 1.1.3", exact=True)).to_have_value("CC")
    expect(page.get_by_label("Catatan 1.1.3", exact=True)).to_have_value("dokumen belum ditetapkan")
    expect(page.locator(".flash.error a")).to_have_attribute("href", "#c-1-1-3")
    page.locator("#c-1-1-3").scroll_into_view_if_needed()
    shot(page, "evaluator-conflict")
    refused(page, "/periods/2024/agencies/kab-merauke", 404, "evaluator: another region is 404")

    # --- The office locks and publishes; results for everyone who may read them.
    desk_page.goto(BASE + "/office")
    audit(desk_page, "office desk")
    shot(desk_page, "office")
    desk_page.get_by_role("button", name="Kunci 2024").click()
    desk_page.get_by_role("button", name="Terbitkan 2024").click()
    expect(desk_page.locator(".flash")).to_contain_text("diterbitkan")
    desk_page.goto(BASE + "/periods/2024/results")
    expect(desk_page.locator("table.ranking tbody tr")).to_have_count(3)
    audit(desk_page, "office results")
    shot(desk_page, "office-results")
    for analysis in ["gaps", "compare?candidate=permenpanrb-88-2021-grade", "sensitivity?samples=200&seed=7"]:
        desk_page.goto(BASE + "/periods/2024/results/" + analysis)
        expect(desk_page.locator("table").first).to_contain_text("kota-bandung")
        audit(desk_page, "office " + analysis.split("?")[0])
    shot(desk_page, "office-sensitivity")
    # The HTML report opens styled: its inline sheet is allowed by its digest.
    desk_page.goto(BASE + "/api/v1/periods/2024/report")
    check("report styled", desk_page.evaluate("() => document.querySelector('style').sheet !== null && document.querySelector('style').sheet.cssRules.length > 10"))
    shot(desk_page, "office-report")

    # --- The agency now sees its result and the evaluator's answers beside its own.
    page = agency.new_page()
    page.goto(BASE + "/periods/2024/agencies/kota-bandung")
    expect(page.locator("p.meta")).to_contain_text("diterbitkan")
    expect(page.locator("#c-1-1-2 .beside")).to_contain_text("mandiri: AA")
    page.get_by_role("link", name="Hasil", exact=True).first.click()
    expect(page.locator("table.ranking")).to_contain_text("Pemerintah Kota Bandung")
    expect(page.locator("table.ranking tbody tr")).to_have_count(1)
    shot(page, "agency-result")

    # --- The viewer: published results only, no office, no answers.
    viewer = browser.new_context(**desk)
    page = sign_in(viewer, "viewer")
    expect(page).to_have_url(BASE + "/periods/2024/results")
    expect(page.locator("table.ranking tbody tr")).to_have_count(3)
    audit(page, "viewer results")
    shot(page, "viewer-results")
    refused(page, "/office", 403, "viewer: office is 403")
    refused(page, "/periods/2024/agencies/kota-bandung", 403, "viewer: answers are 403")
    # Merauke's team is refused Bandung's page (404), but sees its own.
    other = browser.new_context(**desk)
    page = sign_in(other, "merauke")
    refused(page, "/periods/2024/agencies/kota-bandung", 404, "merauke: Bandung is 404")
    # Keyboard: the first Tab reaches the skip link, which leads to the content.
    page.goto(BASE + "/periods/2024/agencies/kab-merauke")
    page.keyboard.press("Tab")
    check("keyboard: skip link first", page.evaluate("() => document.activeElement.className") == "skip")
    for context in [agency, evaluator, office, viewer, other]:
        context.close()


if __name__ == "__main__":
    main()
