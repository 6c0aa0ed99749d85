/* Kommunearkiv: the copy-citation button, the one script besides search. Without it the citation is plain text to select. */
(function () {
  "use strict";
  document.querySelectorAll("button[data-copy]").forEach(function (button) {
    var text = document.getElementById(button.getAttribute("data-copy"));
    var status = button.nextElementSibling;
    button.hidden = false;
    button.addEventListener("click", function () {
      var done = function () { status.textContent = "Henvisningen er kopieret."; };
      var select = function () {
        var range = document.createRange();
        range.selectNodeContents(text);
        window.getSelection().removeAllRanges();
        window.getSelection().addRange(range);
        status.textContent = document.execCommand("copy") ? "Henvisningen er kopieret." : "Markeret: tryk Ctrl+C for at kopiere.";
      };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(text.textContent.trim()).then(done, select);
      } else {
        select();
      }
    });
  });
}());
