// Console behaviour that needs a script: the copy buttons. Served as a file (the CSP allows
// no inline script); every page works without it except copying.
"use strict";
document.addEventListener("click", function (event) {
  var button = event.target instanceof Element ? event.target.closest("button[data-copy]") : null;
  if (!button) return;
  var field = document.getElementById(button.getAttribute("data-copy"));
  if (!field) return;
  var status = button.nextElementSibling && button.nextElementSibling.classList.contains("copied") ? button.nextElementSibling : null;
  var done = function (text) {
    if (status) status.textContent = text;
  };
  var fallback = function () {
    field.select();
    done(document.execCommand("copy") ? "Copied" : "Select the text and copy it");
  };
  if (navigator.clipboard && window.isSecureContext) {
    navigator.clipboard.writeText(field.value).then(function () {
      done("Copied");
    }, fallback);
  } else {
    fallback();
  }
});
