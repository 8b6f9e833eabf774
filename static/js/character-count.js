// GOV.UK character count, as progressive enhancement: every ".character-count" group
// (data-maxwords or data-maxlength) gets a visible count under its textarea or input and a
// polite live region read out when typing pauses. Without JavaScript the static message
// ("You can enter up to 300 words") stays, and the server checks the limit either way.
(function () {
    "use strict";

    function count(text, words) {
        if (words) {
            var found = text.match(/\S+/g);
            return found ? found.length : 0;
        }
        return text.length;
    }

    // The words come from the page, in its language: data-count-remaining-one, -remaining-other,
    // -over-one and -over-other, each with "%(count)s" where the number goes.
    function message(group, remaining) {
        var number = Math.abs(remaining);
        var name = "data-count-" + (remaining < 0 ? "over" : "remaining") + (number === 1 ? "-one" : "-other");
        return (group.getAttribute(name) || "").replace("%(count)s", String(number));
    }

    function enhance(group) {
        var field = group.querySelector("textarea, input");
        var info = group.querySelector(".character-count__message");
        if (!field || !info) { return; }
        var words = group.hasAttribute("data-maxwords");
        var limit = parseInt(group.getAttribute(words ? "data-maxwords" : "data-maxlength"), 10);
        var status = document.createElement("p");
        status.className = "hint character-count__status";
        status.setAttribute("aria-hidden", "true");
        var live = document.createElement("p");
        live.className = "visually-hidden character-count__sr-status";
        live.setAttribute("aria-live", "polite");
        info.classList.add("visually-hidden");
        info.after(status, live);
        var timer = null;

        function update() {
            var remaining = limit - count(field.value, words);
            status.textContent = message(group, remaining);
            status.classList.toggle("character-count__status--error", remaining < 0);
            field.classList.toggle("character-count__field--error", remaining < 0);
            return remaining;
        }

        update();
        field.addEventListener("input", function () {
            var remaining = update();
            window.clearTimeout(timer);
            timer = window.setTimeout(function () { live.textContent = message(group, remaining); }, 1000);
        });
    }

    document.querySelectorAll(".character-count").forEach(enhance);
})();
