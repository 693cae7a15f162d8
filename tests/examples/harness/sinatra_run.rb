# sinatra_run.rb APP.RB: run a classic Sinatra example on 127.0.0.1:$PORT.
# The one thing the page does not show is the port (and the Rack server,
# Debian's puma): both are set before the example is loaded, as it is
# written; Sinatra starts it when the script ends, as it does for `ruby app.rb`.
#
# The environment is production, as in a deployment, and it is chosen before
# Sinatra is loaded: Sinatra reads APP_ENV when it is required and installs
# its development-only handlers (the "doesn't know this ditty" 404 page) then,
# so a later `set :environment` would leave those in place.
#
# An example that proxies to ArcGIS Server reads the server's address from
# ARCGIS_URL; for such an example (one that names ARCGIS_URL) a stub upstream
# is started here first and ARCGIS_URL points at it.  Like ArcGIS, and like
# the Flask harness's stub, it answers every request 200 with JSON: Esri error
# 499 without a token, 498 for a token other than "valid-token", an empty
# feature set otherwise.
require 'json'
require 'socket'
require 'uri'

def stub_arcgis
  server = TCPServer.new('127.0.0.1', 0)
  Thread.new do
    loop do
      Thread.new(server.accept) do |client|
        target = client.gets.to_s.split(' ')[1].to_s
        headers = {}
        while (line = client.gets) && line != "\r\n"
          name, value = line.split(':', 2)
          headers[name.strip.downcase] = value.to_s.strip
        end
        query = URI.decode_www_form(URI(target).query.to_s).to_h
        token = query['token'].to_s
        %w[x-esri-authorization authorization].each do |name|
          value = headers[name].to_s
          token = value.delete_prefix('Bearer ') if value.start_with?('Bearer ')
        end
        body = if token.empty?
                 { error: { code: 499, message: 'Token Required', details: [] } }
               elsif token != 'valid-token'
                 { error: { code: 498, message: 'Invalid Token', details: [] } }
               else
                 { features: [] }
               end.to_json
        client.write "HTTP/1.1 200 OK\r\nContent-Type: application/json; charset=utf-8\r\n" \
                     "Content-Length: #{body.bytesize}\r\nConnection: close\r\n\r\n#{body}"
      ensure
        client.close
      end
    end
  end
  "http://127.0.0.1:#{server.addr[1]}/arcgis"
end

ENV['ARCGIS_URL'] = stub_arcgis if File.read(ARGV.fetch(0)).include?('ARCGIS_URL')

ENV['APP_ENV'] = 'production'
require 'sinatra'
set :port, Integer(ENV.fetch('PORT'))
set :bind, '127.0.0.1'
set :server, 'puma'
set :logging, false
load ARGV.fetch(0)
