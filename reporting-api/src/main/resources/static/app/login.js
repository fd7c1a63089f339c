// The sign-in form posts to /login with the CSRF token the service hands out before sign-in.
const params = new URLSearchParams(location.search);
const message = document.getElementById("message");
if (params.has("error")) {
  message.textContent = "Wrong user name or password. गलत उपयोगकर्ता नाम या पासवर्ड।";
  message.className = "error";
} else if (params.has("throttled")) {
  const minutes = Math.ceil(Number(params.get("throttled")) / 60) || 15;
  message.textContent = `Too many failed sign-ins: try again in ${minutes} minutes. बहुत सारे असफल प्रयास।`;
  message.className = "error";
} else if (params.has("signed-out")) {
  message.textContent = "You have signed out. आप साइन आउट हो गए हैं।";
} else if (params.has("expired")) {
  message.textContent = "Your session ended; sign in again.";
}
const button = document.querySelector("#sign-in button");
button.disabled = true;
fetch("/api/v1/session/csrf", { credentials: "same-origin", headers: { "X-Requested-With": "XMLHttpRequest" } })
  .then((r) => r.json())
  .then((csrf) => {
    document.getElementById("csrf").value = csrf.token;
    button.disabled = false;
  })
  .catch(() => {
    message.textContent = "The service does not answer; try again in a moment.";
    message.className = "error";
  });
