// The console's JSON API. The token comes from the page's URL and goes in a header that
// no other site's page could set.
const token = new URLSearchParams(location.search).get("token") || "";

export async function api(path, body) {
  const init = { headers: { "X-KG-Token": token }, credentials: "same-origin" };
  if (body !== undefined) {
    init.method = "POST";
    init.headers["Content-Type"] = "application/json";
    init.body = JSON.stringify(body);
  }
  const response = await fetch(path, init);
  let data;
  try {
    data = await response.json();
  } catch (_) {
    data = { error: `${response.status} ${response.statusText}` };
  }
  if (!response.ok || data.error) {
    const error = new Error(data.error || `${response.status}`);
    error.hint = data.hint;
    throw error;
  }
  return data;
}
