// Layering kept by the linter rather than by habit: a file in a zone may import only from the
// folders and packages its zone lists. Resolved from the file's own path, so `../../shell/x`
// and `../core/y` are judged by where they land, not by how they are spelled.
import { builtinModules } from 'node:module';
import path from 'node:path';

const NODE_BUILTINS = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));

function packageName(specifier) {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** @type {import('eslint').Rule.RuleModule} */
const importZones = {
  meta: {
    type: 'problem',
    docs: { description: 'Keeps a folder importing only from the folders and packages its zone allows.' },
    schema: [
      {
        type: 'object',
        properties: {
          zone: { type: 'string' },
          mayImportFolders: { type: 'array', items: { type: 'string' } },
          mayImportPackages: { type: 'array', items: { type: 'string' } },
        },
        required: ['zone', 'mayImportFolders', 'mayImportPackages'],
        additionalProperties: false,
      },
    ],
    messages: {
      folder: "{{zone}} may not import '{{specifier}}' ({{target}} is outside {{allowed}}).",
      package: "{{zone}} may not import the package '{{specifier}}' (allowed: {{allowed}}).",
    },
  },
  create(context) {
    const [{ zone, mayImportFolders, mayImportPackages }] = context.options;
    const root = context.cwd;
    const fileDirectory = path.dirname(context.filename);
    const folders = mayImportFolders.map((folder) => path.resolve(root, folder) + path.sep);
    const packages = new Set(mayImportPackages);

    function check(node, specifier) {
      if (typeof specifier !== 'string') return;
      if (specifier.startsWith('.') || specifier.startsWith('/')) {
        const target = path.resolve(fileDirectory, specifier);
        if (!folders.some((folder) => target.startsWith(folder))) {
          context.report({
            node,
            messageId: 'folder',
            data: { zone, specifier, target: path.relative(root, target), allowed: mayImportFolders.join(', ') },
          });
        }
        return;
      }
      const name = NODE_BUILTINS.has(specifier) ? specifier : packageName(specifier);
      if (!packages.has(name)) {
        context.report({ node, messageId: 'package', data: { zone, specifier, allowed: [...packages].join(', ') || 'none' } });
      }
    }

    return {
      ImportDeclaration: (node) => check(node.source, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node.source, node.source.value),
      ExportAllDeclaration: (node) => check(node.source, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node.source, node.source.value),
      TSImportType: (node) => {
        const literal = node.argument?.literal ?? node.argument;
        if (literal?.type === 'Literal') check(literal, literal.value);
      },
    };
  },
};

export const layeringPlugin = { meta: { name: 'connect-shield-layering' }, rules: { 'import-zones': importZones } };
