/**
 * Swagger UI comes from the installed `swagger-ui-dist` package (a production dependency, so also in the
 * runtime image), read at run time: the webpack build keeps node_modules out of the bundle, where a
 * `require.resolve` would become a module id; the package's own `absolute-path.js` (its `getAbsoluteFSPath`)
 * answers the real folder without loading the browser bundle into Node.
 */
export const swaggerUiDirectory = (require('swagger-ui-dist/absolute-path.js') as () => string)();

/** The files the docs page loads, by name, with their content types; nothing else of the package is served. */
export const swaggerUiAssets = new Map([
  ['swagger-ui.css', 'text/css; charset=utf-8'],
  ['swagger-ui-bundle.js', 'text/javascript; charset=utf-8'],
  ['favicon-32x32.png', 'image/png'],
]);

export function docsPage(title: string): string {
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${escapeHtml(title)}</title>
  <link rel="stylesheet" href="/docs/swagger-ui.css">
  <link rel="icon" type="image/png" href="/docs/favicon-32x32.png">
</head>
<body>
  <div id="swagger-ui"></div>
  <script src="/docs/swagger-ui-bundle.js"></script>
  <script>SwaggerUIBundle({ url: '/openapi.json', dom_id: '#swagger-ui', deepLinking: true });</script>
</body>
</html>
`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (character) => `&#${character.charCodeAt(0)};`);
}
