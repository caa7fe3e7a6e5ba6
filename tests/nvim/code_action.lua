-- Driven by tests/test_lsp.py: Neovim's own LSP client, configured by editors/neovim/tonelint.lua,
-- opens a French draft, waits for tonelint's diagnostics, applies the preferred code action
-- and writes what it saw as JSON to $TONELINT_NVIM_OUT.
local out = os.getenv('TONELINT_NVIM_OUT')
local result = {}

local function finish()
  vim.fn.writefile({ vim.fn.json_encode(result) }, out)
  vim.cmd('qa!')
end

local ok, err = pcall(function()
  local tonelint = dofile(os.getenv('TONELINT_NVIM_CONFIG'))
  tonelint.setup({ cmd = vim.fn.json_decode(os.getenv('TONELINT_LSP_CMD')),
                  settings = vim.fn.json_decode(os.getenv('TONELINT_NVIM_SETTINGS')) })
  vim.cmd('edit ' .. vim.fn.fnameescape(os.getenv('TONELINT_DRAFT')))
  local buf = vim.api.nvim_get_current_buf()
  local rule = os.getenv('TONELINT_RULE')

  local function finding()
    for _, d in ipairs(vim.diagnostic.get(buf)) do
      local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
      if code == rule then return d end
    end
  end

  result.published = vim.wait(60000, function() return finding() ~= nil end, 20)
  local found = finding()
  if not found then return end
  result.lnum, result.col, result.end_col = found.lnum, found.col, found.end_col -- bytes, as Neovim counts

  local client = vim.lsp.get_active_clients()[1]
  local diagnostics = vim.lsp.diagnostic.get_line_diagnostics(buf, found.lnum)
  local params = vim.lsp.util.make_range_params()
  params.range = diagnostics[1].range
  params.context = { diagnostics = diagnostics }
  local response = client.request_sync('textDocument/codeAction', params, 10000, buf)
  result.titles = {}
  for _, action in ipairs(response and response.result or {}) do
    table.insert(result.titles, action.title)
    if action.isPreferred then
      vim.lsp.util.apply_workspace_edit(action.edit, client.offset_encoding)
    end
  end
  result.line = vim.api.nvim_buf_get_lines(buf, found.lnum, found.lnum + 1, false)[1]
  -- The edit reaches the server as a change: the finding goes away.
  result.cleared = vim.wait(20000, function() return finding() == nil end, 20)
end)
if not ok then result.error = tostring(err) end
finish()
