-- Neovim's built-in LSP client against `mapping-dsl lsp`, as a user's editor runs it:
--   nvim --headless --clean -n -l neovim_client.lua MAPPING_DSL WORK_DIR
-- Opens a mapping, waits for its diagnostics (checked at the byte column Neovim shows, on a
-- line with an emoji before the name), completes, formats and renames, then stops the client
-- and checks that the server ended cleanly. Any failed check exits with status 1.

local server, work = arg[1], arg[2]

local function fail(message)
  io.stderr:write('neovim_client.lua: ' .. message .. '\n')
  os.exit(1)
end

local function check(condition, message)
  if not condition then
    fail(message)
  end
end

vim.fn.mkdir(work, 'p')
local mapping = work .. '/orders.mdsl'
local text = {
  'mapping "orders" version 2',
  'let who = .customer.name',
  'order {',
  '  name <- upper(who)',
  '  note <- concat("😀é", whoo)',
  '}',
}
vim.fn.writefile(text, mapping)
vim.fn.writefile({ '{"customer": {"name": "Ada"}, "items": [{"sku": "x"}]}' }, work .. '/orders.input.json')

vim.cmd.edit(vim.fn.fnameescape(mapping))
local buf = vim.api.nvim_get_current_buf()
local exit_code
local client_id = vim.lsp.start({
  name = 'mapping-dsl',
  cmd = { server, 'lsp' },
  root_dir = work,
  on_exit = function(code)
    exit_code = code
  end,
})
check(client_id ~= nil, 'the client did not start')

-- Diagnostics: E201 on `whoo`, at byte column 27 (UTF-16 column 24: the emoji is 4 bytes
-- and 2 code units, the é 2 bytes and 1 unit).
check(vim.wait(20000, function()
  return #vim.diagnostic.get(buf) > 0
end, 20), 'no diagnostics were published')
local diagnostic = vim.diagnostic.get(buf)[1]
check(diagnostic.code == 'E201', 'diagnostic code ' .. tostring(diagnostic.code))
check(diagnostic.lnum == 4 and diagnostic.col == 27 and diagnostic.end_col == 31,
  ('diagnostic at %d:%d-%d'):format(diagnostic.lnum, diagnostic.col, diagnostic.end_col))
check(diagnostic.message:find('whoo', 1, true) ~= nil, 'message: ' .. diagnostic.message)

-- Completion: a function, and a path of the sample input beside the mapping.
vim.api.nvim_buf_set_lines(buf, 5, 5, false, { '  total <- upp', '  city <- .cu' })
local function labels(line, character)
  local responses = vim.lsp.buf_request_sync(buf, 'textDocument/completion', {
    textDocument = { uri = vim.uri_from_bufnr(buf) },
    position = { line = line, character = character },
  }, 10000)
  check(responses and responses[client_id] and responses[client_id].result, 'no completion answer')
  local found = {}
  for _, item in ipairs(responses[client_id].result.items) do
    found[item.label] = item
  end
  return found
end
local items = labels(5, 14)
check(items['upper'] ~= nil, 'completion lacks upper()')
check(items['who'] ~= nil, 'completion lacks the let name who')
items = labels(6, 13)
check(items['.customer.name'] ~= nil, 'completion lacks the sample path .customer.name: ' .. vim.inspect(vim.tbl_keys(items)))
vim.api.nvim_buf_set_lines(buf, 5, 7, false, { '  total    <-    upper( who )' })

-- Formatting: the buffer becomes what `mapping-dsl fmt` makes of it.
local before = table.concat(vim.api.nvim_buf_get_lines(buf, 0, -1, false), '\n') .. '\n'
local expected = vim.fn.system({ server, 'fmt', '-' }, before)
check(vim.v.shell_error == 0, 'mapping-dsl fmt failed: ' .. expected)
vim.lsp.buf.format({ bufnr = buf, timeout_ms = 10000 })
local after = table.concat(vim.api.nvim_buf_get_lines(buf, 0, -1, false), '\n') .. '\n'
check(after == expected, 'formatted buffer:\n' .. after .. '\nexpected:\n' .. expected)
check(after ~= before, 'formatting changed nothing')

-- Rename `who` from its definition: every use follows.
vim.api.nvim_win_set_cursor(0, { 2, 5 })
vim.lsp.buf.rename('customer')
check(vim.wait(10000, function()
  local all = table.concat(vim.api.nvim_buf_get_lines(buf, 0, -1, false), '\n')
  return all:find('let customer', 1, true) ~= nil
end, 20), 'rename was not applied')
local all = table.concat(vim.api.nvim_buf_get_lines(buf, 0, -1, false), '\n')
check(all:find('upper(customer)', 1, true) ~= nil, 'a use was not renamed:\n' .. all)
check(all:find('[^%w_]who[^%w_]') == nil, 'who is left:\n' .. all)

-- Stopping the client sends shutdown and exit: the server ends with status 0.
vim.lsp.stop_client(client_id)
check(vim.wait(10000, function()
  return exit_code ~= nil
end, 20), 'the server did not end')
check(exit_code == 0, 'the server ended with status ' .. tostring(exit_code))
io.stdout:write('neovim_client.lua: diagnostics, completion, formatting and rename ok\n')
os.exit(0)
