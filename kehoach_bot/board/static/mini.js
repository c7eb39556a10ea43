// The Mini App's sign-in: Telegram opens /mini with its signed launch data in the address's
// fragment (#tgWebAppData=…), which never reaches the server by itself. Post it to
// /vao/telegram, where the server checks its signature; the answer redirects to the board.
(function () {
  "use strict";
  var params = new URLSearchParams(window.location.hash.slice(1));
  var data = params.get("tgWebAppData");
  if (!data) {
    return; // opened outside Telegram: the page says what to do
  }
  history.replaceState(null, "", window.location.pathname); // drop the data from the address
  var form = document.createElement("form");
  form.method = "post";
  form.action = "/vao/telegram";
  var field = document.createElement("input");
  field.type = "hidden";
  field.name = "init_data";
  field.value = data;
  form.appendChild(field);
  document.body.appendChild(form);
  form.submit();
})();
