-- tonelint's language server in Neovim 0.7 or later, without any plugin.
--
--   require('tonelint').setup()          -- with this file in ~/.config/nvim/lua/tonelint.lua
--   require('tonelint').setup({ cmd = { '/path/to/venv/bin/tonelint', 'lsp' } })
--   require('tonelint').setup({ settings = { tonelint = { variant = 'fr-CA', ignore = { 'fr.register' } } } })
--   require('tonelint').setup({ settings = { tonelint = { uiLang = 'fr' } } })
--
-- `settings.tonelint`: lang, variant, select, ignore and grammarServer (a LanguageTool URL),
-- over the .tonelint.toml found for each file; uiLang ('fr', 'en' or 'auto') is the language of
-- tonelint's own words (the profile's lens, its message, the notes), as --ui-lang.
--
-- One server per working directory; it lints Markdown, HTML and plain text buffers.
-- With nvim-lspconfig, see lspconfig.lua beside this file instead.
local M = {}

-- Neovim's filetypes, and the LSP language ids the server expects for them.
local LANGUAGE_IDS = { markdown = 'markdown', mdx = 'mdx', html = 'html', text = 'plaintext' }

function M.setup(opts)
  opts = opts or {}
  local cmd = opts.cmd or { 'tonelint', 'lsp' }
  local clients = {} -- root directory -> client id
  vim.api.nvim_create_autocmd('FileType', {
    pattern = vim.tbl_keys(LANGUAGE_IDS),
    callback = function(args)
      local root = opts.root_dir or vim.fn.getcwd()
      local id = clients[root]
      if id == nil or vim.lsp.get_client_by_id(id) == nil then
        id = vim.lsp.start_client({
          name = 'tonelint',
          cmd = cmd,
          root_dir = root,
          workspace_folders = { { uri = vim.uri_from_fname(root), name = root } },
          settings = opts.settings or {},
          -- Neovim 0.7 answers workspace/configuration without saying so: the settings are sent too.
          on_init = function(client)
            client.notify('workspace/didChangeConfiguration', { settings = client.config.settings })
          end,
          get_language_id = function(_, filetype) return LANGUAGE_IDS[filetype] or filetype end,
        })
        clients[root] = id
      end
      if id then
        vim.lsp.buf_attach_client(args.buf, id)
      end
    end,
  })
end

return M
