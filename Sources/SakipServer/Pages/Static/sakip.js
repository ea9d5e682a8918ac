// Saves one criterion without reloading the page; without this script the form posts and the
// page comes back at the same criterion. A conflict or a refusal falls back to the plain post,
// so the server's page says what happened.
"use strict";
document.addEventListener("submit", async (event) => {
  const form = event.target;
  if (!(form instanceof HTMLFormElement) || !form.classList.contains("item")) return;
  // A file goes with the plain post (multipart), which the page answers as it is.
  const file = form.querySelector("input[type=file]");
  if (file && file.files.length) return;
  event.preventDefault();
  const status = form.querySelector(".status");
  const body = new URLSearchParams(new FormData(form));
  let response;
  try {
    response = await fetch(form.action, { method: "POST", body, headers: { "Accept": "application/json" }, credentials: "same-origin" });
  } catch {
    form.submit();
    return;
  }
  if (!response.ok) { form.submit(); return; }
  const saved = await response.json();
  form.querySelector("input[name=version]").value = String(saved.version);
  if (status) status.textContent = saved.message;
  const total = document.querySelector(".summary .total");
  if (total && saved.summary) total.textContent = saved.summary;
  const answered = document.querySelector(".summary .answered-count");
  if (answered && saved.answered) answered.textContent = saved.answered;
});
