# sinatra_run.rb APP.RB: run a classic Sinatra example on 127.0.0.1:$PORT.
# The one thing the page does not show is the port (and the Rack server,
# Debian's puma): both are set before the example is loaded, as it is
# written; Sinatra starts it when the script ends, as it does for `ruby app.rb`.
#
# The environment is production, as in a deployment, and it is chosen before
# Sinatra is loaded: Sinatra reads APP_ENV when it is required and installs
# its development-only handlers (the "doesn't know this ditty" 404 page) then,
# so a later `set :environment` would leave those in place.
ENV['APP_ENV'] = 'production'
require 'sinatra'
set :port, Integer(ENV.fetch('PORT'))
set :bind, '127.0.0.1'
set :server, 'puma'
set :logging, false
load ARGV.fetch(0)
