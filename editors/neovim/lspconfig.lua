-- tonelint with nvim-lspconfig: add this to your init.lua.
local configs = require('lspconfig.configs')
local util = require('lspconfig.util')

if not configs.tonelint then
  configs.tonelint = {
    default_config = {
      cmd = { 'tonelint', 'lsp' },
      filetypes = { 'markdown', 'mdx', 'html', 'text' },
      root_dir = util.root_pattern('.tonelint.toml', 'tonelint.toml', 'pyproject.toml', '.git'),
      single_file_support = true,
      get_language_id = function(_, filetype)
        return filetype == 'text' and 'plaintext' or filetype
      end,
    },
  }
end
-- settings.tonelint: lang, variant, select, ignore, grammarServer (a LanguageTool URL),
-- uiLang ('fr', 'en' or 'auto': the language of tonelint's own words, as --ui-lang),
-- e.g. { tonelint = { variant = 'fr-CA', uiLang = 'fr' } }.
require('lspconfig').tonelint.setup({ settings = { tonelint = {} } })
